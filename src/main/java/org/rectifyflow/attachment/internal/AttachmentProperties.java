package org.rectifyflow.attachment.internal;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachment storage, {@code rectify.attachments.*}.
 *
 * @param dir the folder that holds the files (default
 * {@code ${rectify.data-dir}/attachments})
 * @param maxSize the largest file accepted (uploads through HTTP are also limited by
 * {@code spring.servlet.multipart.max-file-size})
 * @param allowedTypes the accepted file name extensions; each must be one the content
 * detector knows
 */
@ConfigurationProperties("rectify.attachments")
public record AttachmentProperties(Path dir, @DefaultValue("20MB") DataSize maxSize, @DefaultValue( {
		"pdf", "jpg", "jpeg", "png", "gif", "doc", "docx", "xls", "xlsx", "txt", "zip", "mp3",
		"m4a" }) List<String> allowedTypes){

}
