package org.rectifyflow.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.EngineRestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's account is kept by the administrator: no self renaming, deleting, joining
 * groups or password change through the engine API; failed logins slow down without
 * locking anybody out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsTest {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	EngineRestClient rest;

	@BeforeEach
	void client() {
		this.rest = new EngineRestClient(this.port);
	}

	@Test
	void shouldRefuseAUserRenamingOrDeletingItself() {
		User before = this.identityService.createUserQuery().userId("u2").singleResult();

		HttpResponse<String> rename = this.rest.send("PUT", "/engine-rest/user/u2/profile", "u2",
				"{\"id\":\"u2\",\"firstName\":\"张正明\",\"lastName\":\"（派驻纪检组）\",\"email\":\"u2@example.org\"}");
		HttpResponse<String> delete = this.rest.send("DELETE", "/engine-rest/user/u2", "u2", null);
		HttpResponse<String> password = this.rest.send("PUT", "/engine-rest/user/u2/credentials", "u2",
				"{\"password\":\"Neu-Passwort-2026\",\"authenticatedUserPassword\":\"demo\"}");
		HttpResponse<String> joinGroup = this.rest.send("PUT", "/engine-rest/group/discipline-group/members/u2", "u2",
				null);
		HttpResponse<String> otherUser = this.rest.send("PUT", "/engine-rest/user/u3/profile", "u2",
				"{\"id\":\"u3\",\"firstName\":\"x\",\"lastName\":\"y\"}");

		assertThat(rename.statusCode()).isEqualTo(403);
		assertThat(rename.body()).contains("您没有执行此操作的权限");
		assertThat(delete.statusCode()).isEqualTo(403);
		assertThat(password.statusCode()).isEqualTo(403);
		assertThat(joinGroup.statusCode()).isEqualTo(403);
		assertThat(otherUser.statusCode()).isEqualTo(403);
		User after = this.identityService.createUserQuery().userId("u2").singleResult();
		assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
		assertThat(after.getLastName()).isEqualTo(before.getLastName());
		assertThat(this.identityService.createUserQuery().userId("u2").memberOfGroup("discipline-group").count())
			.isZero();
		assertThat(this.rest.send("GET", "/engine-rest/task?maxResults=1", "u2", null).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldLeaveNoUserMoreThanReadOnItsOwnAccount() {
		assertThat(this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(Resources.USER)
			.list()).filteredOn((grant) -> grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId()))
			.isNotEmpty()
			.allSatisfy((grant) -> {
				assertThat(grant.isPermissionGranted(Permissions.UPDATE)).as(grant.getUserId()).isFalse();
				assertThat(grant.isPermissionGranted(Permissions.DELETE)).as(grant.getUserId()).isFalse();
			});
		assertThat(this.rest
			.send("PUT", "/engine-rest/user/u5lead/profile", "admin",
					"{\"id\":\"u5lead\",\"firstName\":\"韩志勇\",\"lastName\":\"（政务服务中心）\"}")
			.statusCode()).isEqualTo(204);
	}

	@Test
	void shouldSlowTheNextAttemptAfterAFailureAndLetAnAdministratorReleaseIt() {
		assertThat(login("u3lead", "wrong", Map.of())).isEqualTo(401);
		HttpResponse<String> throttled = this.rest.send("GET", "/engine-rest/task?maxResults=1", "u3lead", "demo", null,
				Map.of());
		assertThat(throttled.statusCode()).as("the right password right after a failure waits").isEqualTo(401);
		assertThat(login("u4lead", "demo", Map.of())).as("another user is not slowed").isEqualTo(200);

		assertThat(this.rest.send("POST", "/api/login-throttle/u3lead/release", "u4lead", null).statusCode())
			.isEqualTo(403);
		HttpResponse<String> release = this.rest.send("POST", "/api/login-throttle/u3lead/release", "admin", null);
		assertThat(release.statusCode()).isEqualTo(200);
		assertThat(release.body()).contains("\"released\":true");
		assertThat(login("u3lead", "demo", Map.of())).isEqualTo(200);
	}

	@Test
	void shouldNotTakeTheClientAddressFromForwardedForWithoutAConfiguredProxy() {
		assertThat(login("u2lead", "wrong", Map.of("X-Forwarded-For", "203.0.113.7"))).isEqualTo(401);
		assertThat(login("u2lead", "demo", Map.of("X-Forwarded-For", "203.0.113.8")))
			.as("a new forwarded address is not a new client")
			.isEqualTo(401);
		assertThat(this.rest.send("POST", "/api/login-throttle/u2lead/release", "admin", null).statusCode())
			.isEqualTo(200);
	}

	private int login(String user, String password, Map<String, String> headers) {
		return this.rest.send("GET", "/engine-rest/task?maxResults=1", user, password, null, headers).statusCode();
	}

}
