package org.rectifyflow.dashboard.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.taskrules.TaskBurden;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The burden meter of the dashboard (基层负担监测): what the system itself asks of each unit,
 * per month and task, from the audit trail ({@link TaskBurden}), with the units' names
 * and totals per unit.
 */
@Service
@Transactional(readOnly = true)
public class UnitBurden {

	private final TaskBurden burden;

	private final CampaignService campaigns;

	private final OrganisationService organisation;

	private final WorkingDayCalendar calendar;

	UnitBurden(TaskBurden burden, CampaignService campaigns, OrganisationService organisation,
			WorkingDayCalendar calendar) {
		this.burden = burden;
		this.campaigns = campaigns;
		this.organisation = organisation;
		this.calendar = calendar;
	}

	/** One row: a unit's burden in a month from one kind of task. */
	record Row(String month, String unitCode, String unitName, String processKey, String taskKey, String taskName,
			long tasks, long forms, long fields) {
	}

	/** A unit's totals over the rows. */
	record Total(String unitCode, String unitName, long tasks, long forms, long fields) {
	}

	/** The meter: rows by month, unit and task, and totals per unit. */
	public record Meter(List<Row> rows, List<Total> totals) {
	}

	/**
	 * @param campaignId only the tasks of this campaign and its ledger entries, or
	 * {@code null} for all
	 * @param unitCode only this unit, or {@code null}
	 * @param month only this month ({@code 2026-12}), or {@code null}
	 * @return the meter
	 */
	public Meter meter(Long campaignId, String unitCode, String month) {
		if (month != null && !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
			throw Refusal.invalid("月份格式应为“2026-12”：" + month, "month must look like 2026-12: " + month);
		}
		String code = null;
		if (campaignId != null) {
			code = this.campaigns.find(campaignId)
				.map(Campaign::getCode)
				.orElseThrow(() -> Refusal.notFound("整治活动不存在", "no campaign " + campaignId));
		}
		Map<String, String> names = this.organisation.activeUnits()
			.stream()
			.collect(Collectors.toMap(Unit::getCode, Unit::getName));
		if (unitCode != null && !names.containsKey(unitCode)) {
			throw Refusal.notFound("单位不存在：" + unitCode, "no active unit " + unitCode);
		}
		List<Row> rows = this.burden.figures(this.calendar.zone(), TaskBurden.under(code), unitCode)
			.stream()
			.filter((f) -> month == null || month.equals(f.month()))
			.map((f) -> new Row(f.month(), f.unitCode(), names.getOrDefault(f.unitCode(), f.unitCode()), f.processKey(),
					f.taskKey(), f.taskName(), f.tasks(), f.forms(), f.fields()))
			.toList();
		Map<String, List<Row>> byUnit = rows.stream()
			.collect(Collectors.groupingBy(Row::unitCode, java.util.TreeMap::new, Collectors.toList()));
		List<Total> totals = byUnit.entrySet()
			.stream()
			.map((e) -> new Total(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
					e.getValue().stream().mapToLong(Row::tasks).sum(),
					e.getValue().stream().mapToLong(Row::forms).sum(),
					e.getValue().stream().mapToLong(Row::fields).sum()))
			.toList();
		return new Meter(rows, totals);
	}

}
