import mysql from 'mysql2/promise';

/** The MariaDB test database; `.ci/mariadb` creates it and prints this URL. */
export function mariadbUrl(): string {
  return process.env.MOLBATCH_TEST_MYSQL_URL
    ?? 'mysql://molbatch:molbatch@127.0.0.1:3306/molbatch_test';
}

/** Fails loudly, naming the fix, when the MariaDB test server does not answer. */
export async function requireMariadb(url = mariadbUrl()): Promise<string> {
  try {
    const connection = await mysql.createConnection({ uri: url, connectTimeout: 5000 });
    await connection.end();
  } catch (error) {
    const where = url.replace(/\/\/[^@/]*@/, '//***@');
    throw new Error(
      `MariaDB tests need a server at ${where} (${(error as Error).message}); ` +
        'run `.ci/mariadb` as root and set MOLBATCH_TEST_MYSQL_URL to the URL it prints',
    );
  }
  return url;
}
