package org.rectifyflow.rectification;

import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The problem a ledger entry rectifies, as it was found: its category (code and name, the
 * code when no name was given), its description, and where it came from (a source of
 * {@link #SOURCES} and that source's reference). Columns {@code category_code},
 * {@code category_name}, {@code description}, {@code source}, {@code source_ref}.
 */
@Embeddable
class LedgerProblem {

	/** The sources a ledger entry may come from. */
	static final Set<String> SOURCES = Set.of("SELF_INSPECTION", "CROSS_INSPECTION", "REVIEW", "CLUE", "INSPECTION");

	@Column(name = "category_code", nullable = false)
	private String categoryCode;

	@Column(name = "category_name", nullable = false)
	private String categoryName;

	@Column(nullable = false)
	private String description;

	@Column(nullable = false)
	private String source;

	@Column(name = "source_ref")
	private String sourceRef;

	protected LedgerProblem() {
	}

	LedgerProblem(NewLedgerEntry entry) {
		this.categoryCode = entry.categoryCode();
		this.categoryName = (entry.categoryName() == null || entry.categoryName().isBlank()) ? entry.categoryCode()
				: entry.categoryName().strip();
		this.description = entry.description().strip();
		this.source = entry.source();
		this.sourceRef = entry.sourceRef();
	}

	String categoryCode() {
		return this.categoryCode;
	}

	String categoryName() {
		return this.categoryName;
	}

	String description() {
		return this.description;
	}

	String source() {
		return this.source;
	}

	String sourceRef() {
		return this.sourceRef;
	}

}
