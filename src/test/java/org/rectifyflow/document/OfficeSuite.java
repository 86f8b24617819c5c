package org.rectifyflow.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders exported documents the way a reader's office suite does: LibreOffice in
 * headless mode converts them to PDF, poppler's tools read the PDF back. Tests that need
 * it are skipped with a message where LibreOffice is not installed, and fail instead when
 * {@code CI=true}.
 */
public final class OfficeSuite {

	private static final Path SOFFICE = Path.of("/usr/bin/soffice");

	private static final Pattern PAGE_SIZE = Pattern.compile("Page size:\\s+([\\d.]+) x ([\\d.]+) pts");

	private static final Pattern PAGES = Pattern.compile("Pages:\\s+(\\d+)");

	private OfficeSuite() {
	}

	/** A rendered PDF, read back. */
	public record Pdf(int pages, double widthPt, double heightPt, List<String> fonts, String text) {

		/**
		 * @return whether every page is A4 (within a point) in portrait
		 */
		public boolean isA4Portrait() {
			return Math.abs(this.widthPt - 595.3) < 1.5 && Math.abs(this.heightPt - 841.9) < 1.5;
		}

		/**
		 * @return whether the first page is A4 (within a point) in landscape
		 */
		public boolean isA4Landscape() {
			return Math.abs(this.heightPt - 595.3) < 1.5 && Math.abs(this.widthPt - 841.9) < 1.5;
		}

	}

	/**
	 * Skips the calling test unless LibreOffice and poppler are installed (fails under
	 * CI).
	 */
	public static void assumeInstalled() {
		boolean present = Files.isExecutable(SOFFICE) && Files.isExecutable(Path.of("/usr/bin/pdftotext"));
		if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError("LibreOffice (libreoffice-writer-nogui, libreoffice-calc-nogui) and "
					+ "poppler-utils must be installed when CI=true; .ci/run installs them");
		}
		Assumptions.assumeTrue(present,
				"LibreOffice or poppler-utils not installed: office rendering checks skipped (set CI=true to fail)");
	}

	/** Where .ci/run installs the fontconfig mapping of the official faces. */
	static final Path DOCUMENT_FACES = Path.of("/etc/fonts/conf.d/65-official-document-faces.conf");

	/**
	 * Skips the calling test unless the fontconfig mapping of the official faces
	 * ({@code deploy/fontconfig}) is installed (fails under CI).
	 */
	public static void assumeDocumentFaces() {
		boolean present = Files.isRegularFile(DOCUMENT_FACES);
		if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError(DOCUMENT_FACES + " must be installed when CI=true; .ci/run installs it");
		}
		Assumptions.assumeTrue(present, "deploy/fontconfig not installed: checks of the printed faces skipped");
	}

	/**
	 * Converts a document to PDF with LibreOffice and reads the PDF back.
	 * @param bytes the .docx or .xlsx bytes
	 * @param name the file name, with its extension
	 * @return the PDF's pages, first page size, fonts and text
	 */
	public static Pdf render(byte[] bytes, String name) throws IOException, InterruptedException {
		assumeInstalled();
		Path dir = Files.createTempDirectory("office-render");
		try {
			Path source = dir.resolve(name);
			Files.write(source, bytes);
			// a profile of its own, so that parallel builds do not share a running
			// instance
			run(dir, SOFFICE.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless",
					"--convert-to", "pdf", "--outdir", dir.toString(), source.toString());
			Path pdf = dir.resolve(name.replaceAll("\\.[a-z]+$", ".pdf"));
			assertThat(pdf).as("PDF rendered by LibreOffice").exists();
			String keep = System.getProperty("office.keep-pdf");
			if (keep != null) {
				// -Doffice.keep-pdf=<dir> keeps the PDFs, for looking at the pages
				Files.createDirectories(Path.of(keep));
				Files.copy(pdf, Path.of(keep).resolve(System.nanoTime() + "-" + pdf.getFileName()));
			}
			String info = run(dir, "pdfinfo", pdf.toString());
			Matcher size = PAGE_SIZE.matcher(info);
			Matcher pages = PAGES.matcher(info);
			assertThat(size.find() && pages.find()).as(info).isTrue();
			List<String> fonts = new ArrayList<>();
			String[] lines = run(dir, "pdffonts", pdf.toString()).split("\\R");
			for (int i = 2; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					fonts.add(lines[i].split("\\s+")[0].replaceFirst("^[A-Z]{6}\\+", ""));
				}
			}
			String text = run(dir, "pdftotext", "-layout", pdf.toString(), "-");
			return new Pdf(Integer.parseInt(pages.group(1)), Double.parseDouble(size.group(1)),
					Double.parseDouble(size.group(2)), fonts, text);
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	/**
	 * The fonts a .docx names for its runs, as the office suites read them.
	 * @param documentXml the word/document.xml text
	 * @return the distinct eastAsia font names
	 */
	public static List<String> eastAsiaFonts(String documentXml) {
		Matcher m = Pattern.compile("w:eastAsia=\"([^\"]+)\"").matcher(documentXml);
		List<String> fonts = new ArrayList<>();
		while (m.find()) {
			if (!fonts.contains(m.group(1)) && !m.group(1).contains("-")) {
				fonts.add(m.group(1));
			}
		}
		return fonts;
	}

	private static String run(Path dir, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		byte[] out = process.getInputStream().readAllBytes();
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish");
		}
		String text = new String(out, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
		return text;
	}

}
