package org.rectifyflow.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A document the campaign is based on (文件依据), e.g. 中纪办〔2022〕8号.
 *
 * @param title the document title
 * @param number the document number, may be {@code null}
 */
@Embeddable
public record BasisDocument(@Column(name = "title", nullable = false) String title,
		@Column(name = "doc_number") String number) {

	@Override
	public String toString() {
		return (this.number != null && !this.number.isBlank()) ? this.title + "（" + this.number + "）" : this.title;
	}

}
