SELECT count(*) = 2 FROM c;
SELECT condeferred FROM pg_constraint WHERE conname = 'c_p_fkey';
SELECT condeferrable AND NOT condeferred FROM pg_constraint WHERE conname = 'c_q_fkey';
