-- Keys every application node on this database shares, for what one node signs and another checks
-- (the reply forms' CSRF field: behind a round-robin balancer the form comes from one node and its
-- submission goes to another). Written once, by the first node that needs the key; a key configured in
-- the environment (e.g. OUTREACH_FORM_TOKEN_KEY) takes precedence and is never stored here.
-- Numbered 20 to stay clear of the migrations being added on main.
create table shared_key (
  name       varchar(50)  primary key,
  key_value  varchar(200) not null,
  created_at timestamp with time zone not null
);
