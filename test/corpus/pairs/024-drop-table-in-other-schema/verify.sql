SELECT count(*) = 3 FROM app.members;
