// Runs once, when the MongoDB volume is first initialised (as the root user): creates the blog
// service's own user, allowed to read and write its database only.
const database = process.env.MONGO_APP_DATABASE || 'blog';
db.getSiblingDB(database).createUser({
  user: process.env.MONGO_APP_USERNAME,
  pwd: process.env.MONGO_APP_PASSWORD,
  roles: [{ role: 'readWrite', db: database }],
});
