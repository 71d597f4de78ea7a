INSERT INTO widgets (name) VALUES ('from data.sql');
