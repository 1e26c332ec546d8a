-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), with psql,
-- as the POSTGRES_USER superuser. One database per department: each service appends its
-- department to the database named in DATABASE_URL (postgres://…/onewindow → onewindow_labor_security, …).
-- Per department two roles, neither a superuser: `<department>_owner` owns the database and its
-- tables and is used only by the department's one-shot migrate step (DATABASE_MIGRATION_URL);
-- `<department>` serves (DATABASE_URL). At every migrate step the owner grants the serving role
-- read and write on every table but the audit trail, which it may only append to and read (shared/platform/src/runtime-role.ts).
-- Only the department's own roles may connect to its database. The passwords come from the
-- postgres service's environment (docker-compose.yml, which has development defaults).

\getenv labor_security_owner_password LABOR_SECURITY_DB_OWNER_PASSWORD
\getenv labor_security_password LABOR_SECURITY_DB_PASSWORD
CREATE ROLE labor_security_owner LOGIN PASSWORD :'labor_security_owner_password';
CREATE ROLE labor_security LOGIN PASSWORD :'labor_security_password';
CREATE DATABASE onewindow_labor_security OWNER labor_security_owner;
REVOKE CONNECT, TEMPORARY ON DATABASE onewindow_labor_security FROM PUBLIC;
GRANT CONNECT ON DATABASE onewindow_labor_security TO labor_security;

\getenv medical_insurance_owner_password MEDICAL_INSURANCE_DB_OWNER_PASSWORD
\getenv medical_insurance_password MEDICAL_INSURANCE_DB_PASSWORD
CREATE ROLE medical_insurance_owner LOGIN PASSWORD :'medical_insurance_owner_password';
CREATE ROLE medical_insurance LOGIN PASSWORD :'medical_insurance_password';
CREATE DATABASE onewindow_medical_insurance OWNER medical_insurance_owner;
REVOKE CONNECT, TEMPORARY ON DATABASE onewindow_medical_insurance FROM PUBLIC;
GRANT CONNECT ON DATABASE onewindow_medical_insurance TO medical_insurance;

\getenv tax_owner_password TAX_DB_OWNER_PASSWORD
\getenv tax_password TAX_DB_PASSWORD
CREATE ROLE tax_owner LOGIN PASSWORD :'tax_owner_password';
CREATE ROLE tax LOGIN PASSWORD :'tax_password';
CREATE DATABASE onewindow_tax OWNER tax_owner;
REVOKE CONNECT, TEMPORARY ON DATABASE onewindow_tax FROM PUBLIC;
GRANT CONNECT ON DATABASE onewindow_tax TO tax;

\getenv hospital_quality_owner_password HOSPITAL_QUALITY_DB_OWNER_PASSWORD
\getenv hospital_quality_password HOSPITAL_QUALITY_DB_PASSWORD
CREATE ROLE hospital_quality_owner LOGIN PASSWORD :'hospital_quality_owner_password';
CREATE ROLE hospital_quality LOGIN PASSWORD :'hospital_quality_password';
CREATE DATABASE onewindow_hospital_quality OWNER hospital_quality_owner;
REVOKE CONNECT, TEMPORARY ON DATABASE onewindow_hospital_quality FROM PUBLIC;
GRANT CONNECT ON DATABASE onewindow_hospital_quality TO hospital_quality;

\getenv service_hall_owner_password SERVICE_HALL_DB_OWNER_PASSWORD
\getenv service_hall_password SERVICE_HALL_DB_PASSWORD
CREATE ROLE service_hall_owner LOGIN PASSWORD :'service_hall_owner_password';
CREATE ROLE service_hall LOGIN PASSWORD :'service_hall_password';
CREATE DATABASE onewindow_service_hall OWNER service_hall_owner;
REVOKE CONNECT, TEMPORARY ON DATABASE onewindow_service_hall FROM PUBLIC;
GRANT CONNECT ON DATABASE onewindow_service_hall TO service_hall;

\getenv notifications_owner_password NOTIFICATIONS_DB_OWNER_PASSWORD
\getenv notifications_password NOTIFICATIONS_DB_PASSWORD
CREATE ROLE notifications_owner LOGIN PASSWORD :'notifications_owner_password';
CREATE ROLE notifications LOGIN PASSWORD :'notifications_password';
CREATE DATABASE onewindow_notifications OWNER notifications_owner;
REVOKE CONNECT, TEMPORARY ON DATABASE onewindow_notifications FROM PUBLIC;
GRANT CONNECT ON DATABASE onewindow_notifications TO notifications;
