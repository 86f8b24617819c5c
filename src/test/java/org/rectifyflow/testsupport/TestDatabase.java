package org.rectifyflow.testsupport;

/**
 * A database on the test server.
 *
 * @param name the database name
 * @param jdbcUrl the JDBC URL of the database
 * @param user the user name
 * @param password the password
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {

	@Override
	public String toString() {
		return this.jdbcUrl + " (user " + this.user + ")";
	}

}
