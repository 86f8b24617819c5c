package org.rectifyflow.attachment.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

	@Test
	void shouldDropPathsAndReservedCharacters() {
		assertThat(FileNames.sanitise("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
		assertThat(FileNames.sanitise("C:\\Users\\x\\报告.docx")).isEqualTo("报告.docx");
		assertThat(FileNames.sanitise("a\u202Efdp.exe")).isEqualTo("a_fdp.exe");
		assertThat(FileNames.sanitise("a\u0000b:c?.txt")).isEqualTo("a_b_c_.txt");
		assertThat(FileNames.sanitise(" ..hidden.pdf. ")).isEqualTo("hidden.pdf");
		assertThat(FileNames.sanitise(null)).isEmpty();
	}

	@Test
	void shouldShortenLongNamesKeepingTheExtension() {
		String name = FileNames.sanitise("长".repeat(300) + ".xlsx");
		assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith(".xlsx");
	}

	@Test
	void shouldFindTheExtension() {
		assertThat(FileNames.extension("a.B.PDF")).isEqualTo("pdf");
		assertThat(FileNames.extension("pdf")).isEmpty();
		assertThat(FileNames.extension("a.")).isEmpty();
	}

	@Test
	void shouldRecogniseContentByMagicBytes() {
		assertThat(FileType.PDF.matches("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isTrue();
		assertThat(FileType.PDF.matches("MZ\u0090".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
		assertThat(FileType.DOCX.matches(new byte[] { 'P', 'K', 3, 4 })).isTrue();
		assertThat(FileType.M4A.matches("\u0000\u0000\u0000\u0020ftypM4A ".getBytes(StandardCharsets.ISO_8859_1)))
			.isTrue();
		assertThat(FileType.TXT.matches("整改\r\n".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(FileType.TXT.matches(new byte[] { 'M', 'Z', 0, 1 })).isFalse();
		assertThat(FileType.forExtension("JPEG")).contains(FileType.JPEG);
		assertThat(FileType.forExtension("exe")).isEmpty();
	}

}
