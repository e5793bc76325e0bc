SELECT shift = 'late' FROM rota WHERE id = 1;
SELECT preferred IS NULL AND avoided = '{late,late}' FROM hr.prefs;
