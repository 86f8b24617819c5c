package org.rectifyflow.clue.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.clue.DisposalMethod;
import org.rectifyflow.clue.internal.ClueAccess;
import org.rectifyflow.clue.internal.HandlingOutcome;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.pages.AuditTrail;
import org.rectifyflow.pages.ItemPage;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable page of a clue ({@code /items/clues/{id}}), for those {@link ClueAccess}
 * lets see the register: the discipline group and lead see it in full (never the
 * reporter), with its audit trail; supervisors and the campaign office see what the
 * register shows them (no content, no persons). Only the discipline lead (组长) reads the
 * log of reporter reveals. Everybody else is refused.
 */
@ItemPage
class CluePages {

	private final ClueRegister register;

	private final ClueAccess access;

	private final AuditTrail trail;

	CluePages(ClueRegister register, ClueAccess access, AuditTrail trail) {
		this.register = register;
		this.access = access;
		this.trail = trail;
	}

	@GetMapping("/items/clues/{id}")
	String clue(@PathVariable Long id, Principal principal, Model model) {
		String userId = principal.getName();
		ClueAccess.Level level = this.access.of(userId);
		if (level == ClueAccess.Level.NONE) {
			throw Refusal.forbidden("您无权查看问题线索：只有派驻纪检组、督办人员和整治办可以查看。",
					"only the discipline group, supervisors and the campaign office may see clues");
		}
		Clue clue = this.register.clue(id);
		model.addAttribute("clue", clue);
		model.addAttribute("summary", this.register.summary(userId, id));
		model.addAttribute("full", level == ClueAccess.Level.FULL);
		model.addAttribute("route", (clue.getRoute() == null) ? "—" : clue.getRoute().label());
		model.addAttribute("disposals", labels(DisposalMethod.values(), DisposalMethod::label));
		model.addAttribute("outcomes", labels(HandlingOutcome.values(), HandlingOutcome::label));
		if (level == ClueAccess.Level.FULL) {
			model.addAttribute("detail", this.register.detail(userId, id));
			model.addAttribute("trail",
					this.trail.of(ClueProcess.ITEM_TYPE, List.of(clue.getNumber(), String.valueOf(id)),
							clue.getProcessInstanceId(), Set.of(ClueRegister.ACTION_REVEALED)));
		}
		if (this.access.isDisciplineLead(userId)) {
			model.addAttribute("reveals",
					this.trail.ofAction(ClueProcess.ITEM_TYPE, clue.getNumber(), ClueRegister.ACTION_REVEALED));
		}
		return "items/clue";
	}

	private static <E extends Enum<E>> Map<String, String> labels(E[] values, Function<E, String> label) {
		return Arrays.stream(values).collect(Collectors.toMap(Enum::name, label));
	}

}
