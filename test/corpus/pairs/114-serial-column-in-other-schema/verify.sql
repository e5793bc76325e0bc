SELECT count(DISTINCT lead_no) = 2 FROM crm.leads;
