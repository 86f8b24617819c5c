package org.rectifyflow.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.rectifyflow.attachment.internal.AttachmentRepository;
import org.rectifyflow.audit.AuditEventRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser("u1")
@Import(AttachmentApiTest.SharedItems.class)
class AttachmentApiTest {

	private static final Path DIR = tempDir();

	private static final int MAX_SIZE = 64 * 1024;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AttachmentRepository attachments;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private ObjectMapper json;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("rectify.attachments.dir", DIR::toString);
		registry.add("rectify.attachments.max-size", () -> MAX_SIZE + "B");
	}

	@Test
	void shouldStoreAPdfAndReturnTheSameBytes() throws Exception {
		byte[] pdf = pdf(2000);

		MvcResult result = this.mvc
			.perform(multipart("/api/attachments")
				.file(new MockMultipartFile("file", "整改报告.pdf", "application/pdf", pdf))
				.param("itemType", "test-item")
				.param("itemId", "A1")
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/attachments/")))
			.andExpect(jsonPath("$.sha256").value(sha256(pdf)))
			.andExpect(jsonPath("$.size").value(pdf.length))
			.andExpect(jsonPath("$.fileName").value("整改报告.pdf"))
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andExpect(jsonPath("$.uploadedBy").value("u1"))
			.andExpect(jsonPath("$.uploadedByName").value("孙晓明（办公室）"))
			.andReturn();
		long id = idOf(result);

		this.mvc.perform(get("/api/attachments/{id}/content", id))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PDF))
			.andExpect(content().bytes(pdf))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment;")))
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
					containsString("filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf")));
		this.mvc.perform(get("/api/attachments/{id}", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sha256").value(sha256(pdf)));
		this.mvc.perform(get("/api/attachments").param("itemType", "test-item").param("itemId", "A1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(id));
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("test-item", "A1"))
			.extracting((e) -> e.getAction())
			.containsExactly("ATTACHMENT_UPLOADED");
	}

	@Test
	void shouldRejectAnExecutable() throws Exception {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertRejected(new MockMultipartFile("file", "setup.exe", "application/octet-stream", exe), 400, "不支持的文件类型");
	}

	@Test
	void shouldRejectAPdfThatIsNotAPdf() throws Exception {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertRejected(new MockMultipartFile("file", "report.pdf", "application/pdf", exe), 400, "文件内容与扩展名");
	}

	@Test
	void shouldRejectAnEmptyFile() throws Exception {
		assertRejected(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]), 400, "文件为空");
	}

	@Test
	void shouldRejectAFileOverTheLimit() throws Exception {
		assertRejected(new MockMultipartFile("file", "big.pdf", "application/pdf", pdf(MAX_SIZE + 1)), 413, "大小上限");
	}

	@Test
	void shouldStoreATraversalNameSafely() throws Exception {
		byte[] pdf = pdf(100);

		MvcResult result = this.mvc
			.perform(multipart("/api/attachments")
				.file(new MockMultipartFile("file", "../../etc/passwd.pdf", "application/pdf", pdf))
				.param("itemType", "test-item")
				.param("itemId", "A2")
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("passwd.pdf"))
			.andReturn();

		Attachment stored = this.attachments.findById(idOf(result)).orElseThrow();
		assertThat(stored.getStorageKey()).matches("[0-9a-f-]{36}");
		assertThat(storedFiles()).anySatisfy((file) -> {
			assertThat(file.getFileName().toString()).isEqualTo(stored.getStorageKey());
			assertThat(file.toAbsolutePath().normalize()).startsWith(DIR.toAbsolutePath().normalize());
			assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
		});
	}

	@Test
	void shouldPreviewAPdfPageByPageAsImagesToThoseWhoMayReadIt() throws Exception {
		long id = idOf(this.mvc
			.perform(multipart("/api/attachments")
				.file(new MockMultipartFile("file", "整改报告.pdf", "application/pdf", twoPagePdf()))
				.param("itemType", "test-item")
				.param("itemId", "A5")
				.with(csrf()))
			.andExpect(status().isCreated())
			.andReturn());

		this.mvc.perform(get("/api/attachments/{id}/pages", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pages").value(2));
		byte[] png = this.mvc.perform(get("/api/attachments/{id}/pages/{page}", id, 2))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.IMAGE_PNG))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage page = ImageIO.read(new ByteArrayInputStream(png));
		// A5 at 110 dpi, with the black box the second page draws in its middle
		assertThat(page.getWidth()).isBetween(630, 650);
		assertThat(page.getRGB(page.getWidth() / 2, page.getHeight() / 2) & 0xFFFFFF).isZero();
		assertThat(page.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);

		this.mvc.perform(get("/api/attachments/{id}/pages/{page}", id, 3))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("没有第3页可预览（共2页）")));
		this.mvc.perform(get("/api/attachments/{id}/pages/{page}", id, 1).with(user("u2")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/attachments/{id}/pages", id).with(user("u2"))).andExpect(status().isForbidden());

		long image = idOf(this.mvc
			.perform(multipart("/api/attachments").file(new MockMultipartFile("file", "a.png", "image/png", png()))
				.param("itemType", "test-item")
				.param("itemId", "A5")
				.with(csrf()))
			.andExpect(status().isCreated())
			.andReturn());
		this.mvc.perform(get("/api/attachments/{id}/pages", image))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("只有PDF文件可以逐页预览")));
		long broken = idOf(this.mvc
			.perform(multipart("/api/attachments")
				.file(new MockMultipartFile("file", "坏文件.pdf", "application/pdf", pdf(500)))
				.param("itemType", "test-item")
				.param("itemId", "A5")
				.with(csrf()))
			.andExpect(status().isCreated())
			.andReturn());
		this.mvc.perform(get("/api/attachments/{id}/pages/{page}", broken, 1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("该PDF文件无法预览")));
	}

	@Test
	void shouldForbidAnotherUserWithoutAccess() throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/api/attachments").file(new MockMultipartFile("file", "a.png", "image/png", png()))
				.param("itemType", "test-item")
				.param("itemId", "A3")
				.with(csrf()))
			.andExpect(status().isCreated())
			.andReturn();
		long id = idOf(result);

		this.mvc.perform(get("/api/attachments/{id}", id).with(user("u2")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.detail", containsString("无权")));
		this.mvc.perform(get("/api/attachments/{id}/content", id).with(user("u2"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/attachments").param("itemType", "test-item").param("itemId", "A3").with(user("u2")))
			.andExpect(jsonPath("$", hasSize(0)));
		this.mvc
			.perform(multipart("/api/attachments").file(new MockMultipartFile("file", "b.png", "image/png", png()))
				.param("itemType", "test-item")
				.param("itemId", "A3")
				.with(user("u2"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/attachments/{id}", 999999)).andExpect(status().isNotFound());
	}

	@Test
	void shouldLetAPolicyGrantAccess() throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/api/attachments")
				.file(new MockMultipartFile("file", "note.txt", "text/plain",
						"整改说明\n".getBytes(StandardCharsets.UTF_8)))
				.param("itemType", "shared")
				.param("itemId", "S1")
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("text/plain"))
			.andReturn();

		this.mvc.perform(get("/api/attachments/{id}/content", idOf(result)).with(user("u2")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/attachments").param("itemType", "shared").param("itemId", "S1").with(user("u3")))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldRenderTheUploadPage() throws Exception {
		this.mvc.perform(get("/attachments/upload").param("itemType", "test-item").param("itemId", "P1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("上传附件")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("64 KB")));

		this.mvc
			.perform(multipart("/attachments/upload")
				.file(new MockMultipartFile("file", "R&D '报告'.gif", "image/gif", gif()))
				.param("itemType", "test-item")
				.param("itemId", "P1")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/attachments/upload?itemType=test-item&itemId=P1"))
			.andExpect(flash().attribute("message", containsString("已上传")));

		this.mvc.perform(get("/attachments/upload").param("itemType", "test-item").param("itemId", "P1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("R&amp;D &#39;报告&#39;.gif")))
			.andExpect(content().string(containsString("孙晓明（办公室）")));

		this.mvc
			.perform(multipart("/attachments/upload")
				.file(new MockMultipartFile("file", "bad.gif", "image/gif", pdf(10)))
				.param("itemType", "test-item")
				.param("itemId", "P1")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("文件内容与扩展名")));
	}

	private void assertRejected(MockMultipartFile file, int status, String message) throws Exception {
		long rows = this.attachments.count();
		List<Path> files = storedFiles();

		this.mvc
			.perform(multipart("/api/attachments").file(file)
				.param("itemType", "test-item")
				.param("itemId", "R1")
				.with(csrf()))
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString(message)))
			.andExpect(jsonPath("$.title").isNotEmpty());

		assertThat(this.attachments.count()).isEqualTo(rows);
		assertThat(storedFiles()).isEqualTo(files);
	}

	private long idOf(MvcResult result) throws Exception {
		JsonNode body = this.json.readTree(result.getResponse().getContentAsByteArray());
		return body.get("id").asLong();
	}

	private static List<Path> storedFiles() throws IOException {
		if (!Files.exists(DIR)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(DIR)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}

	private static byte[] pdf(int size) {
		byte[] pdf = new byte[size];
		Arrays.fill(pdf, (byte) ' ');
		byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, pdf, 0, Math.min(header.length, size));
		return pdf;
	}

	/** Two A5 pages; the second has a black box in its middle. */
	private static byte[] twoPagePdf() throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.A5));
			PDPage second = new PDPage(PDRectangle.A5);
			document.addPage(second);
			try (PDPageContentStream content = new PDPageContentStream(document, second)) {
				PDRectangle box = second.getMediaBox();
				content.addRect(box.getWidth() / 2 - 50, box.getHeight() / 2 - 50, 100, 100);
				content.fill();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };
	}

	private static byte[] gif() {
		return "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("rf-attachments-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration
	static class SharedItems {

		/** Item type "shared": everybody but u3 may view and attach. */
		@Bean
		AttachmentAccessPolicy sharedItems() {
			return new AttachmentAccessPolicy() {

				@Override
				public boolean supports(String itemType) {
					return "shared".equals(itemType);
				}

				@Override
				public boolean canView(String userId, String itemType, String itemId) {
					return !"u3".equals(userId);
				}

				@Override
				public boolean canAttach(String userId, String itemType, String itemId) {
					return !"u3".equals(userId);
				}

			};
		}

	}

}
