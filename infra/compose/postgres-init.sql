-- Databases the stack expects: Fleetlog's read models and the schema registry's storage.
CREATE DATABASE fleetlog;
CREATE DATABASE fleetlog_registry;
