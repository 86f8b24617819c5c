package org.rectifyflow.identity.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param admin the administrator account outside the demo data
 * @param demo whether the demo organisation (users with password "demo") is loaded
 * @param authorization which groups may start which processes
 */
@ConfigurationProperties("rectify")
record IdentityProperties(@DefaultValue Admin admin, @DefaultValue Demo demo,
		@DefaultValue Authorization authorization) {

	/**
	 * @param user the administrator's user id
	 * @param password the password; when blank, a random one is generated and printed
	 * once
	 */
	record Admin(@DefaultValue("admin") String user, String password) {
	}

	/**
	 * @param enabled load the demo organisation (embedded default only)
	 */
	record Demo(@DefaultValue("false") boolean enabled) {
	}

	/**
	 * @param starters process definition key to the groups that may start it
	 * @param confidential process definition key to the only groups that may read all of
	 * its instances and their history (e.g. {@code inspection}: a 暗访 must not be seen by
	 * the units it targets, nor by other Cockpit users, before its field work ends); the
	 * feature grants single instances when they are disclosed
	 */
	record Authorization(Map<String, List<String>> starters, Map<String, List<String>> confidential) {

		Authorization {
			starters = (starters != null) ? starters : Map.of();
			confidential = (confidential != null) ? confidential : Map.of();
		}

	}

}
