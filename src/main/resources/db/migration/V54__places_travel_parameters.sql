-- Parameters of the suitable-offer estimate between two municipalities (ADR 0032): the road factor over the
-- straight line and the average speed by public transport. Regional estimates, to be confirmed by the region.
insert into parameters_value (parameter, value, valid_from, legal_source) values
    ('ROAD_FACTOR', '1.30', date '2015-01-01', 'stima regionale (da confermare)'),
    ('TRAVEL_SPEED_KMH', '30', date '2015-01-01', 'stima regionale (da confermare)');
