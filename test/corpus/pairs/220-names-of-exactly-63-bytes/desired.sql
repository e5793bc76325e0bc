CREATE TYPE loyalty_tier_levels_offered_by_the_program_in_the_current_years AS ENUM ('bronze', 'silver', 'gold');
CREATE TABLE customers (id integer PRIMARY KEY, name text);
CREATE TABLE customer_loyalty_program_membership_tier_assignment_history_log (
    id integer CONSTRAINT customer_loyalty_program_membership_tier_assignment_histor_pkey PRIMARY KEY,
    customer_id integer NOT NULL,
    the_original_acquisition_channel_reported_by_the_marketing_tool text,
    tier loyalty_tier_levels_offered_by_the_program_in_the_current_years NOT NULL DEFAULT 'bronze',
    CONSTRAINT fk_loyalty_history_to_the_customer_that_earned_the_tier_upgrade FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE INDEX idx_customer_loyalty_tier_assignment_history_by_channel_and_day ON customer_loyalty_program_membership_tier_assignment_history_log (the_original_acquisition_channel_reported_by_the_marketing_tool, tier);
