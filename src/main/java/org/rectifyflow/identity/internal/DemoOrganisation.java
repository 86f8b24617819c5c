package org.rectifyflow.identity.internal;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.organisation.UnitRepository;
import org.rectifyflow.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organisation of the embedded default: role users, five sub-units with a
 * handler and a leader each, all with the password {@value #PASSWORD}. Never loaded in
 * the {@code postgres} profile.
 */
@Component
@Order(IdentityBootstrap.ORDER + 1)
@ConditionalOnProperty(name = "rectify.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

	static final String PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	/**
	 * A demo user. Camunda shows "first last": the full Chinese name goes first, the role
	 * second.
	 */
	record DemoUser(String id, String lastName, String firstName, List<String> groups) {
	}

	record DemoUnit(String code, String name, String handlerName, String leaderName) {
	}

	static final List<DemoUser> ROLE_USERS = List.of(new DemoUser("admin", "（系统管理员）", "管理员", List.of(Roles.ADMIN)),
			new DemoUser("party", "（局党组书记）", "王建国", List.of(Roles.PARTY_GROUP)),
			new DemoUser("office", "（整治办）", "李文华", List.of(Roles.CAMPAIGN_OFFICE)),
			new DemoUser("discipline", "（派驻纪检组）", "张正明", List.of(Roles.DISCIPLINE_GROUP)),
			new DemoUser("discipline2", "（派驻纪检组）", "赵清", List.of(Roles.DISCIPLINE_GROUP)),
			new DemoUser("disciplinelead", "（纪检组组长）", "陈立新", List.of(Roles.DISCIPLINE_GROUP, Roles.DISCIPLINE_LEAD)),
			new DemoUser("supervisor", "（督办）", "刘振华", List.of(Roles.SUPERVISORS)));

	static final List<DemoUnit> UNITS = List.of(new DemoUnit("u1", "办公室", "孙晓明", "周海涛"),
			new DemoUnit("u2", "综合执法大队", "吴磊", "郑国强"), new DemoUnit("u3", "市容环境卫生管理所", "冯丽", "褚建军"),
			new DemoUnit("u4", "规划监察中队", "卫东", "蒋文斌"), new DemoUnit("u5", "政务服务中心", "沈佳", "韩志勇"));

	private final IdentityService identityService;

	private final IdentityBootstrap bootstrap;

	private final UnitRepository units;

	private final AuditService audit;

	DemoOrganisation(IdentityService identityService, IdentityBootstrap bootstrap, UnitRepository units,
			AuditService audit) {
		this.identityService = identityService;
		this.bootstrap = bootstrap;
		this.units = units;
		this.audit = audit;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (DemoUser user : ROLE_USERS) {
			ensureUser(user);
		}
		for (DemoUnit unit : UNITS) {
			String group = Unit.GROUP_PREFIX + unit.code();
			this.bootstrap.ensureGroup(group, unit.name(), "WORKFLOW");
			ensureUser(new DemoUser(unit.code(), "（" + unit.name() + "）", unit.handlerName(), List.of(group)));
			String leader = unit.code() + "lead";
			ensureUser(new DemoUser(leader, "（" + unit.name() + "负责人）", unit.leaderName(),
					List.of(group, Roles.UNIT_LEADERS)));
			if (!this.units.existsById(unit.code())) {
				this.units.save(new Unit(unit.code(), unit.name(), leader));
				this.audit.recordAs(AuditService.SYSTEM, "UNIT_CREATED", "unit", unit.code(), null,
						unit.name() + " leader=" + leader, "demo data");
			}
		}
		log.info("Demo organisation ready: {} role users, {} units (password '{}')", ROLE_USERS.size(), UNITS.size(),
				PASSWORD);
	}

	private void ensureUser(DemoUser demo) {
		if (this.identityService.createUserQuery().userId(demo.id()).count() == 0) {
			User user = this.identityService.newUser(demo.id());
			user.setLastName(demo.lastName());
			user.setFirstName(demo.firstName());
			user.setEmail(demo.id() + "@demo.example.org");
			user.setPassword(PASSWORD);
			this.identityService.saveUser(user);
			this.audit.recordAs(AuditService.SYSTEM, "USER_CREATED", "user", demo.id(), null, null, "demo data");
		}
		for (String group : demo.groups()) {
			this.bootstrap.ensureMembership(demo.id(), group);
		}
	}

}
