SELECT motto = 'carpe diem' FROM profiles WHERE id = 2;
