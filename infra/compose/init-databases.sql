-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), as the
-- POSTGRES_USER superuser. One database per department: each service appends its department to
-- the database named in DATABASE_URL (postgres://…/onewindow → onewindow_labor_security, …).
-- The services would create a missing one themselves; creating them here keeps that privilege
-- out of the normal start-up path and makes the set visible in one place.
CREATE DATABASE onewindow_labor_security;
CREATE DATABASE onewindow_medical_insurance;
CREATE DATABASE onewindow_tax;
CREATE DATABASE onewindow_hospital_quality;
CREATE DATABASE onewindow_service_hall;
