package org.rectifyflow.identity.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.rectifyflow.organisation.UnitRepository;
import org.rectifyflow.testsupport.PostgresIntegrationTest;
import org.rectifyflow.testsupport.TestAdmin;
import org.rectifyflow.identity.Roles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code postgres} profile as an operator runs it: no demo users or units, the
 * administrator from configuration, the role groups in place.
 */
@PostgresIntegrationTest
class ProductionIdentityIT {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	UnitRepository units;

	@Test
	void shouldHaveNoDemoUsersButTheConfiguredAdministrator() throws Exception {
		for (DemoOrganisation.DemoUser demo : DemoOrganisation.ROLE_USERS) {
			if (!demo.id().equals(TestAdmin.USER)) {
				assertThat(this.identityService.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
			}
		}
		assertThat(this.identityService.createUserQuery().userId("u1").count()).isZero();
		assertThat(this.units.count()).isZero();
		assertThat(this.identityService.createGroupQuery().groupId(Roles.PARTY_GROUP).count()).isEqualTo(1);
		assertThat(this.identityService.createUserQuery().memberOfGroup(Roles.ADMIN).userId(TestAdmin.USER).count())
			.isEqualTo(1);

		assertThat(status(TestAdmin.USER, TestAdmin.PASSWORD)).isEqualTo(200);
		assertThat(status(TestAdmin.USER, "demo")).isEqualTo(401);
	}

	private int status(String user, String password) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/engine-rest/user?maxResults=5"))
			.header("Authorization", "Basic " + basic)
			.GET()
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
