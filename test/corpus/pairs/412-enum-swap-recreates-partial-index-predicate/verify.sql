SELECT status = 'paused' FROM subs WHERE id = 3;
