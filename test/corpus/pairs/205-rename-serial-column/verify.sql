SELECT subject = 'b' FROM tickets WHERE ticket_no = 2;
