package org.rectifyflow.attachment.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.rectifyflow.kernel.Refusal;

/**
 * A PDF attachment's pages as PNG images. Tasklist's pages are sandboxed (its
 * Content-Security-Policy), and a sandboxed page cannot run the browser's PDF viewer; an
 * image it can show, so a PDF is previewed page by page as images rendered here.
 */
public final class PdfPages {

	/** Pages a preview shows at the most; the rest is read in the downloaded file. */
	public static final int MAX_PAGES = 30;

	private static final float DPI = 110;

	private PdfPages() {
	}

	/**
	 * @param pdf the file's content
	 * @return how many pages a preview shows
	 */
	public static int count(InputStream pdf) {
		try (PDDocument document = load(pdf)) {
			return Math.min(document.getNumberOfPages(), MAX_PAGES);
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(ex);
		}
	}

	/**
	 * @param pdf the file's content
	 * @param page the page, from 1
	 * @return the page as a PNG image
	 */
	public static byte[] png(InputStream pdf, int page) {
		try (PDDocument document = load(pdf)) {
			int pages = Math.min(document.getNumberOfPages(), MAX_PAGES);
			if (page < 1 || page > pages) {
				throw Refusal.notFound("没有第" + page + "页可预览（共" + pages + "页）",
						"no page " + page + " to preview (" + pages + " pages)");
			}
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return png.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(ex);
		}
	}

	private static PDDocument load(InputStream pdf) throws IOException {
		try (pdf) {
			return Loader.loadPDF(new RandomAccessReadBuffer(pdf));
		}
	}

	/**
	 * A damaged or encrypted file, whatever the parser throws, is refused, never a 500.
	 */
	private static Refusal unreadable(Exception ex) {
		if (ex instanceof Refusal refusal) {
			return refusal;
		}
		return Refusal.invalid("该PDF文件无法预览，请下载后查看", "the PDF cannot be previewed; download it instead");
	}

}
