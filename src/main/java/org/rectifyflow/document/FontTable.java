package org.rectifyflow.document;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;

/**
 * The font table of an {@link OfficialDocument}: for each face it uses a generic family,
 * the GB2312 character set and alternative names, so that an office suite without the
 * face (LibreOffice with Noto CJK, WPS, Word) picks a serif face for 宋体, 仿宋 and 楷体 and a
 * sans face for 黑体.
 */
final class FontTable {

	private static final String XML = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
			<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
			<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="fixed"/></w:font>
			<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="fixed"/></w:font>
			<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="fixed"/></w:font>
			<w:font w:name="方正小标宋简体"><w:altName w:val="方正小标宋_GBK"/><w:panose1 w:val="02000000000000000000"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
			<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
			</w:fonts>
			""";

	private FontTable() {
	}

	/**
	 * Adds the font table to a document, unless it has one.
	 * @param document the document
	 * @throws IOException if the package cannot take the part
	 */
	static void addTo(XWPFDocument document) throws IOException {
		try {
			PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
			if (document.getPackage().containPart(name)) {
				return;
			}
			PackagePart part = document.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
			try (OutputStream out = part.getOutputStream()) {
				out.write(XML.getBytes(StandardCharsets.UTF_8));
			}
			document.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
		}
		catch (InvalidFormatException ex) {
			throw new IOException(ex);
		}
	}

}
