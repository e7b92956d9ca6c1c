-- Parameters of issue 18: the carry of a legal term to the next working day, whether the pact's
-- 14-day term binds (a warning in the 2017 pilot), and the thresholds of the suitable offer that were
-- constants in code.
insert into parameters_value (parameter, value, valid_from, legal_source) values
    ('PACT_TERM_BINDING', 'false', date '2015-09-24', 'termine di 14 giorni delle regole AdR-RdC (D.L. 4/2019): nella sperimentazione 2017 è solo un avviso'),
    ('LEGAL_TERMS_MOVE_TO_WORKING_DAY', 'true', date '2015-09-24', 'art. 2963 c.c. (termine che scade di domenica o in un giorno festivo: prorogato al primo giorno non festivo)'),
    ('SUITABLE_PAY_ABOVE_BENEFIT_PERCENT', '20', date '2015-09-24', 'art. 4 c. 41 L. 92/2012; DM 10 aprile 2018'),
    ('SUITABLE_MIN_CONTRACT_MONTHS', '3', date '2015-09-24', 'DM 10 aprile 2018'),
    ('SUITABLE_MIN_HOURS_PERCENT', '80', date '2015-09-24', 'DM 10 aprile 2018');
