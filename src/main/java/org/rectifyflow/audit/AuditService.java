package org.rectifyflow.audit;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit events in the caller's transaction, so an audit row exists exactly when
 * the change it describes was committed.
 */
@Service
public class AuditService {

	/** Actor recorded when no user is authenticated (timers, job executor, start-up). */
	public static final String SYSTEM = "system";

	private final AuditEventRepository events;

	private final IdentityService identityService;

	private final Clock clock;

	AuditService(AuditEventRepository events, IdentityService identityService) {
		this.events = events;
		this.identityService = identityService;
		this.clock = Clock.systemDefaultZone();
	}

	/**
	 * Records a state change made by the current user.
	 * @param action what happened, e.g. {@code TASK_COMPLETED}
	 * @param itemType the kind of item changed, e.g. {@code task}, {@code clue}
	 * @param itemId the item's id
	 * @param before the state before the change (short text or JSON), may be {@code null}
	 * @param after the state after the change (short text or JSON), may be {@code null}
	 * @return the stored event
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEvent record(String action, String itemType, String itemId, String before, String after) {
		return recordAs(currentActor(), action, itemType, itemId, before, after, null);
	}

	/**
	 * Records a state change made by the current user, with free-text details such as a
	 * reason.
	 * @param action what happened
	 * @param itemType the kind of item changed
	 * @param itemId the item's id
	 * @param before the state before, may be {@code null}
	 * @param after the state after, may be {@code null}
	 * @param details free text, may be {@code null}
	 * @return the stored event
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEvent record(String action, String itemType, String itemId, String before, String after,
			String details) {
		return recordAs(currentActor(), action, itemType, itemId, before, after, details);
	}

	/**
	 * Records a state change with an explicit actor and free-text details.
	 * @param actor the user id, or {@link #SYSTEM}
	 * @param action what happened
	 * @param itemType the kind of item changed
	 * @param itemId the item's id
	 * @param before the state before, may be {@code null}
	 * @param after the state after, may be {@code null}
	 * @param details free text, may be {@code null}
	 * @return the stored event
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEvent recordAs(String actor, String action, String itemType, String itemId, String before, String after,
			String details) {
		return this.events.save(new AuditEvent(OffsetDateTime.now(this.clock), actor, action, itemType,
				String.valueOf(itemId), before, after, details));
	}

	/**
	 * The user on whose behalf the current code runs: the Camunda authentication (set for
	 * engine REST calls, webapps and engine commands), else the Spring Security
	 * principal, else {@link #SYSTEM}.
	 * @return the current actor id
	 */
	public String currentActor() {
		Authentication camunda = this.identityService.getCurrentAuthentication();
		if (camunda != null && camunda.getUserId() != null) {
			return camunda.getUserId();
		}
		var spring = SecurityContextHolder.getContext().getAuthentication();
		if (spring != null && spring.isAuthenticated() && !"anonymousUser".equals(spring.getName())) {
			return spring.getName();
		}
		return SYSTEM;
	}

}
