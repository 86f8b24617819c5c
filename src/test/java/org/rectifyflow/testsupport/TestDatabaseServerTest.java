package org.rectifyflow.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseServerTest {

	@Test
	void shouldReplaceTheDatabaseOfAJdbcUrl() {
		assertThat(TestDatabaseServer.withDatabase("jdbc:postgresql://localhost:5432/test", "it_a"))
			.isEqualTo("jdbc:postgresql://localhost:5432/it_a");
		assertThat(TestDatabaseServer.withDatabase("jdbc:postgresql://db:5432/test?ssl=false&x=/y", "it_a"))
			.isEqualTo("jdbc:postgresql://db:5432/it_a?ssl=false&x=/y");
		assertThat(TestDatabaseServer.withDatabase("jdbc:postgresql://db:5432", "it_a"))
			.isEqualTo("jdbc:postgresql://db:5432/it_a");
		assertThat(TestDatabaseServer.withDatabase("jdbc:postgresql://db?ssl=false", "it_a"))
			.isEqualTo("jdbc:postgresql://db/it_a?ssl=false");
	}

	@Test
	void shouldNameDatabasesAfterTheClassWithinPostgresqlLimits() {
		class AVeryLongTestClassNameThatGoesOnAndOnBeyondSixtyThreeCharactersForSureIT {

		}
		String name = TestDatabaseServer
			.databaseName(AVeryLongTestClassNameThatGoesOnAndOnBeyondSixtyThreeCharactersForSureIT.class);
		assertThat(name).startsWith("it_averylongtestclassname").hasSizeLessThanOrEqualTo(63).matches("[a-z0-9_]+");
		assertThat(TestDatabaseServer.databaseName(getClass())).startsWith("it_testdatabaseservertest_")
			.isNotEqualTo(TestDatabaseServer.databaseName(getClass()));
	}

}
