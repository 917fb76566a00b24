-- A separate case names every open case its persons were already in (decision 0032). 2,000 characters
-- held about 55 case ids: a person in more open cases made the opening answer 500 after the case was
-- stored. The list is as long as it needs to be (SET DATA TYPE: the same words on H2 and PostgreSQL).
ALTER TABLE separate_case ALTER COLUMN existing_cases SET DATA TYPE VARCHAR(1000000);
