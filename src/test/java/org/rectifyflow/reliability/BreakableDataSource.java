package org.rectifyflow.reliability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source whose database can be "lost" and "restored" by a test. While lost, every
 * new connection and every call on a connection or statement already handed out fails
 * like a dropped network connection (SQLState 08006); closing such a connection rolls its
 * transaction back first, as the server does when a client disappears. The pool behind
 * stays healthy, so restoring is immediate.
 */
class BreakableDataSource extends DelegatingDataSource {

	static final String SQLSTATE_CONNECTION_FAILURE = "08006";

	private final AtomicBoolean lost = new AtomicBoolean();

	private final AtomicLong failures = new AtomicLong();

	BreakableDataSource(DataSource target) {
		super(target);
	}

	/** The database is gone: calls fail until {@link #restore()}. */
	void lose() {
		this.lost.set(true);
	}

	/** The database is back. */
	void restore() {
		this.lost.set(false);
	}

	/**
	 * @return how many calls failed because the database was lost
	 */
	long failures() {
		return this.failures.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		check();
		return wrap(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		check();
		return wrap(super.getConnection(username, password));
	}

	private void check() throws SQLException {
		if (this.lost.get()) {
			this.failures.incrementAndGet();
			throw new SQLTransientConnectionException("Connection to the database lost (test)",
					SQLSTATE_CONNECTION_FAILURE);
		}
	}

	private Connection wrap(Connection connection) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.equals("close") && this.lost.get()) {
				// the server rolls back what a vanished client left open
				try {
					if (!connection.getAutoCommit()) {
						connection.rollback();
					}
				}
				finally {
					connection.close();
				}
				return null;
			}
			if (!isHarmless(name)) {
				check();
			}
			Object result = invoke(connection, method, args);
			if (result instanceof CallableStatement statement) {
				return statement(statement, CallableStatement.class);
			}
			if (result instanceof PreparedStatement statement) {
				return statement(statement, PreparedStatement.class);
			}
			if (result instanceof Statement statement) {
				return statement(statement, Statement.class);
			}
			return result;
		};
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				handler);
	}

	private <T extends Statement> T statement(T statement, Class<T> type) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().startsWith("execute")) {
				check();
			}
			return invoke(statement, method, args);
		};
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler));
	}

	private static boolean isHarmless(String method) {
		return method.equals("isClosed") || method.equals("toString") || method.equals("hashCode")
				|| method.equals("equals") || method.equals("unwrap") || method.equals("isWrapperFor")
				|| method.equals("getAutoCommit") || method.equals("getTransactionIsolation")
				|| method.equals("isReadOnly") || method.equals("getMetaData") || method.equals("getWarnings")
				|| method.equals("clearWarnings");
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
