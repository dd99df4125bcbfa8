//! Integration tests of vigil-server over real HTTP on 127.0.0.1, on SQLite always and on a real
//! PostgreSQL when `VIGIL_TEST_POSTGRES_URL` is set (scripts/with-postgres, run by scripts/test);
//! emails go to a real SMTP server (aiosmtpd) and are read back from its Maildir.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts;
mod configuration;
mod crash_safety;
mod deployment;
mod devices_and_places;
mod documents;
mod email_queue;
mod emails;
mod event_floods;
mod feed;
mod input_bounds;
mod instances;
mod limits;
mod lockout;
mod observability;
mod review;
mod review_page;
mod rules;
mod secrets_at_rest;
mod sessions;
mod signing_v2;
mod sqlite_writer;
mod support;
mod tls;
mod transport_limits;
mod travel_speed;
mod verdicts;
mod verify;
mod webhooks;
