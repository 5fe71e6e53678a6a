// Creates one MongoDB user per service, allowed to read and write its own database only
// (docker-compose.yml mounts this into /docker-entrypoint-initdb.d). The image runs it once,
// on the first start with an empty data volume, before authentication is switched on; the
// passwords come from .env through the mongo container's environment.
// A password changed in .env later needs db.updateUser (docs/security.md).
const services = [
  { user: 'identity-service', database: 'identity', password: 'COOPHUB_MONGO_IDENTITY_SERVICE_PASSWORD' },
  { user: 'agreement-service', database: 'agreements', password: 'COOPHUB_MONGO_AGREEMENT_SERVICE_PASSWORD' },
  { user: 'activity-service', database: 'activities', password: 'COOPHUB_MONGO_ACTIVITY_SERVICE_PASSWORD' },
  { user: 'reporting-service', database: 'reporting', password: 'COOPHUB_MONGO_REPORTING_SERVICE_PASSWORD' },
  { user: 'notification-service', database: 'notifications', password: 'COOPHUB_MONGO_NOTIFICATION_SERVICE_PASSWORD' },
];
for (const service of services) {
  const password = process.env[service.password];
  if (!password) {
    throw new Error(service.password + ' is not set');
  }
  db.getSiblingDB(service.database).createUser({
    user: service.user,
    pwd: password,
    roles: [{ role: 'readWrite', db: service.database }],
  });
  print(service.user + ': readWrite on ' + service.database + ' only');
}
