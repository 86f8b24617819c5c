package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives {@code audit_event} and {@code notification}, the two tables written by almost
 * every transaction, ids from a sequence that hands out 50 at a time, so that the rows of
 * one transaction are inserted in one batch instead of one round trip each. Each sequence
 * starts after the table's highest id and becomes the column's default, so that an insert
 * by SQL takes a value no batch uses. Written in Java because H2 and PostgreSQL move a
 * sequence and drop an identity in different words.
 */
public class V200__AuditAndNotificationSequences extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		for (String table : List.of("audit_event", "notification")) {
			String sequence = table + "_seq";
			try (Statement statement = connection.createStatement()) {
				long next;
				try (ResultSet max = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
					max.next();
					next = max.getLong(1);
				}
				statement.execute("create sequence " + sequence + " start with " + next + " increment by 50");
				if (postgres) {
					statement.execute("alter table " + table + " alter column id drop identity if exists");
					statement
						.execute("alter table " + table + " alter column id set default nextval('" + sequence + "')");
				}
				else {
					statement.execute("alter table " + table + " alter column id drop identity");
					statement
						.execute("alter table " + table + " alter column id set default next value for " + sequence);
				}
			}
		}
	}

}
