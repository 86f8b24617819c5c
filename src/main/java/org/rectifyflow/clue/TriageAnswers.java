package org.rectifyflow.clue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The four triage questions answered at registration (线索是否清晰、指向是否明确、问题是否具体、能否短期查清), the
 * inputs of {@code clue-triage.dmn}. Columns {@code triage_clear},
 * {@code triage_targeted}, {@code triage_specific}, {@code triage_quick}.
 */
@Embeddable
public class TriageAnswers {

	@Column(name = "triage_clear")
	private Boolean clear;

	@Column(name = "triage_targeted")
	private Boolean targeted;

	@Column(name = "triage_specific")
	private Boolean specific;

	@Column(name = "triage_quick")
	private Boolean quick;

	protected TriageAnswers() {
	}

	public TriageAnswers(boolean clear, boolean targeted, boolean specific, boolean quick) {
		this.clear = clear;
		this.targeted = targeted;
		this.specific = specific;
		this.quick = quick;
	}

	public boolean isComplete() {
		return this.clear != null && this.targeted != null && this.specific != null && this.quick != null;
	}

	public boolean clear() {
		return Boolean.TRUE.equals(this.clear);
	}

	public boolean targeted() {
		return Boolean.TRUE.equals(this.targeted);
	}

	public boolean specific() {
		return Boolean.TRUE.equals(this.specific);
	}

	public boolean quick() {
		return Boolean.TRUE.equals(this.quick);
	}

}
