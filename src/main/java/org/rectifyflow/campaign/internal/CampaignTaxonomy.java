package org.rectifyflow.campaign.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.campaign.ProblemCategory;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem taxonomy the campaign office keeps: aspects (方面) and the kinds (问题种类) under
 * them, two levels, each aspect optionally corresponding to a clue category. A campaign
 * copies the active taxonomy when it starts and keeps that copy while it runs.
 */
@Service
@Transactional(readOnly = true)
public class CampaignTaxonomy {

	static final String ACTION_CREATED = "PROBLEM_CATEGORY_CREATED";

	static final String ACTION_REVISED = "PROBLEM_CATEGORY_REVISED";

	static final String ITEM_TYPE = "problem-category";

	private static final String CODE = "[A-Z][A-Z0-9-]{1,31}";

	private static final String CLUE_CATEGORY = "[A-Z][A-Z_]{1,31}";

	private final ProblemCategoryRepository categories;

	private final CampaignCategoryRepository copies;

	private final Membership membership;

	private final AuditService audit;

	CampaignTaxonomy(ProblemCategoryRepository categories, CampaignCategoryRepository copies, Membership membership,
			AuditService audit) {
		this.categories = categories;
		this.copies = copies;
		this.membership = membership;
		this.audit = audit;
	}

	/** A category as the API shows it. */
	public record CategoryView(String code, String name, String parentCode, String parentName, int sortOrder,
			boolean active, String clueCategory) {
	}

	/**
	 * @return every category, aspects and kinds, in display order
	 */
	public List<CategoryView> all() {
		List<ProblemCategory> all = this.categories.findAllByOrderBySortOrderAsc();
		Map<Long, ProblemCategory> byId = all.stream().collect(Collectors.toMap(ProblemCategory::getId, (c) -> c));
		return all.stream().map((c) -> {
			ProblemCategory parent = (c.getParentId() != null) ? byId.get(c.getParentId()) : null;
			return new CategoryView(c.getCode(), c.getName(), (parent != null) ? parent.getCode() : null,
					(parent != null) ? parent.getName() : null, c.getSortOrder(), c.isActive(), c.getClueCategory());
		}).toList();
	}

	/**
	 * @param campaignId a campaign
	 * @return the campaign's own copy of the taxonomy, taken when it started
	 */
	public List<CampaignCategory> of(Long campaignId) {
		return this.copies.findByCampaignIdOrderBySortOrderAsc(campaignId);
	}

	/**
	 * The category of a campaign's copy with this code or name.
	 * @param campaignId the campaign
	 * @param codeOrName a code or a Chinese name
	 * @return the copy's category; empty if the campaign has none by that code or name
	 */
	public Optional<CampaignCategory> find(Long campaignId, String codeOrName) {
		if (codeOrName == null || codeOrName.isBlank()) {
			return Optional.empty();
		}
		String key = codeOrName.strip();
		List<CampaignCategory> copy = of(campaignId);
		return copy.stream()
			.filter((c) -> c.getCode().equals(key) || c.getCode().equalsIgnoreCase(key))
			.findFirst()
			.or(() -> copy.stream().filter((c) -> c.getName().equals(key)).findFirst())
			.or(() -> copy.stream().filter((c) -> key.equals(c.getClueCategory())).findFirst());
	}

	/**
	 * Copies the active taxonomy into a campaign that starts.
	 * @param campaignId the campaign
	 */
	@Transactional
	public void copyInto(Long campaignId) {
		List<ProblemCategory> active = this.categories.findByActiveTrueOrderBySortOrderAsc();
		Map<Long, String> codes = this.categories.findAllByOrderBySortOrderAsc()
			.stream()
			.collect(Collectors.toMap(ProblemCategory::getId, ProblemCategory::getCode));
		this.copies.saveAll(active.stream()
			.map((c) -> new CampaignCategory(campaignId, c.getCode(), c.getName(),
					(c.getParentId() != null) ? codes.get(c.getParentId()) : null, c.getSortOrder(),
					c.getClueCategory()))
			.toList());
	}

	/**
	 * A new aspect ({@code parentCode} null) or kind, as the campaign office enters it.
	 */
	public record NewCategory(String code, String name, String parentCode, String clueCategory) {
	}

	/**
	 * Adds an aspect or a kind to the taxonomy; campaigns that start later take it.
	 * @param input the category
	 * @param userId who adds it (the campaign office)
	 * @return the category as stored
	 */
	@Transactional
	public CategoryView create(NewCategory input, String userId) {
		checkOffice(userId);
		if (input == null) {
			throw Refusal.invalid("请求内容为空", "empty request");
		}
		String code = (input.code() != null) ? input.code().strip().toUpperCase(java.util.Locale.ROOT) : "";
		if (!code.matches(CODE)) {
			throw Refusal.invalid("类别代码应为2至32位大写字母、数字或连字符，以字母开头",
					"code must be 2 to 32 capital letters, digits or hyphens, starting with a letter");
		}
		if (this.categories.findByCode(code).isPresent()) {
			throw Refusal.conflict("类别代码「" + code + "」已存在", "category " + code + " exists");
		}
		String name = name(input.name());
		Long parentId = null;
		if (input.parentCode() != null && !input.parentCode().isBlank()) {
			ProblemCategory parent = this.categories.findByCode(input.parentCode().strip())
				.orElseThrow(() -> Refusal.invalid("所属方面「" + input.parentCode().strip() + "」不存在",
						"no aspect " + input.parentCode().strip()));
			if (parent.getParentId() != null) {
				throw Refusal.invalid("问题分类只有两级：「" + parent.getName() + "」是问题种类，不能再有下级",
						"the taxonomy has two levels; " + parent.getCode() + " is a kind");
			}
			parentId = parent.getId();
		}
		checkUniqueName(name, parentId, null);
		String clue = clueCategory(input.clueCategory(), null);
		int sortOrder = this.categories.findAllByOrderBySortOrderAsc()
			.stream()
			.mapToInt(ProblemCategory::getSortOrder)
			.max()
			.orElse(0) + 1;
		ProblemCategory saved = this.categories.save(new ProblemCategory(code, name, parentId, sortOrder, clue));
		this.audit.recordAs(userId, ACTION_CREATED, ITEM_TYPE, code, null, name, null);
		return view(saved);
	}

	/** A change of name, activity or clue category, as the campaign office enters it. */
	public record Revision(String name, Boolean active, String clueCategory) {
	}

	/**
	 * Renames, (de)activates or maps a category; campaigns that run keep their copy.
	 * @param code the category's code
	 * @param revision the change
	 * @param userId who changes it (the campaign office)
	 * @return the category as stored
	 */
	@Transactional
	public CategoryView revise(String code, Revision revision, String userId) {
		checkOffice(userId);
		ProblemCategory category = this.categories.findByCode(String.valueOf(code).strip())
			.orElseThrow(() -> Refusal.notFound("问题类别「" + code + "」不存在", "no category " + code));
		if (revision == null) {
			throw Refusal.invalid("请求内容为空", "empty request");
		}
		String name = (revision.name() != null) ? name(revision.name()) : category.getName();
		checkUniqueName(name, category.getParentId(), category.getId());
		boolean active = (revision.active() != null) ? revision.active() : category.isActive();
		if (!active && category.getParentId() == null
				&& this.categories.findByActiveTrueOrderBySortOrderAsc()
					.stream()
					.anyMatch((c) -> category.getId().equals(c.getParentId()))) {
			throw Refusal.conflict("方面「" + category.getName() + "」下还有启用的问题种类，请先停用它们",
					"aspect " + category.getCode() + " has active kinds");
		}
		String clue = (revision.clueCategory() != null) ? clueCategory(revision.clueCategory(), category.getId())
				: category.getClueCategory();
		String before = category.getName() + (category.isActive() ? "" : "（停用）");
		category.revise(name, active, clue);
		this.audit.recordAs(userId, ACTION_REVISED, ITEM_TYPE, category.getCode(), before,
				name + (active ? "" : "（停用）") + ((clue != null) ? " clue=" + clue : ""), null);
		return view(category);
	}

	private CategoryView view(ProblemCategory c) {
		ProblemCategory parent = (c.getParentId() != null) ? this.categories.findById(c.getParentId()).orElse(null)
				: null;
		return new CategoryView(c.getCode(), c.getName(), (parent != null) ? parent.getCode() : null,
				(parent != null) ? parent.getName() : null, c.getSortOrder(), c.isActive(), c.getClueCategory());
	}

	private void checkOffice(String userId) {
		if (!this.membership.of(userId).isAnyOf(java.util.Set.of(Roles.CAMPAIGN_OFFICE, Roles.ADMIN))) {
			throw Refusal.forbidden("问题分类由整治办维护", "only the campaign office keeps the taxonomy");
		}
	}

	private static String name(String text) {
		String name = (text != null) ? text.strip() : "";
		if (name.isEmpty() || name.codePointCount(0, name.length()) > 100) {
			throw Refusal.invalid("类别名称为必填项，不能超过100个字", "name is required, at most 100 characters");
		}
		return name;
	}

	private void checkUniqueName(String name, Long parentId, Long self) {
		boolean taken = this.categories.findAllByOrderBySortOrderAsc()
			.stream()
			.filter((c) -> !c.getId().equals(self))
			.anyMatch((c) -> c.getName().equals(name) && java.util.Objects.equals(c.getParentId(), parentId));
		if (taken) {
			throw Refusal.conflict("同一级下已有名为「" + name + "」的类别", "a sibling is named " + name);
		}
	}

	/** A clue category's name, mapped to one category at most; blank clears it. */
	private String clueCategory(String text, Long self) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String clue = text.strip().toUpperCase(java.util.Locale.ROOT);
		if (!clue.matches(CLUE_CATEGORY)) {
			throw Refusal.invalid("线索类别「" + text.strip() + "」无效", "invalid clue category " + text.strip());
		}
		this.categories.findByClueCategoryAndActiveTrue(clue).filter((c) -> !c.getId().equals(self)).ifPresent((c) -> {
			throw Refusal.conflict("线索类别「" + clue + "」已对应「" + c.getName() + "」",
					"clue category " + clue + " already maps to " + c.getCode());
		});
		return clue;
	}

}
