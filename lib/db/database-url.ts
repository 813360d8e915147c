/** DATABASE_URL names PostgreSQL with a postgres:// URL; anything else is the path of a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
