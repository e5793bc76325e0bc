SELECT count(*) = 0 FROM audit_log;
