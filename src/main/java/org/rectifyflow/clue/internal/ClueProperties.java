package org.rectifyflow.clue.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Problem clues, {@code rectify.clue.*}.
 *
 * @param encryptionKey base64 AES-256 key for the reporter's identity; when blank, the
 * key is read from (or generated into) {@code keyFile}
 * @param keyFile file holding a generated key (embedded default); blank in production,
 * where a missing key stops the start-up
 * @param publicRateLimit requests a client may make to the public endpoints per window
 * @param publicRateWindow the window of the rate limit
 * @param shelvePeriod ISO-8601 duration after which a shelved clue comes back
 * @param registrationWorkingDays the registration check's deadline
 * @param greenWorkingDays the green channel's investigation deadline
 * @param standardDefaultWorkingDays the default deadline of a STANDARD clue
 * @param standardMaxWorkingDays the longest deadline a STANDARD clue may get
 * @param extensionMaxWorkingDays the longest extension
 * @param descriptionMaxLength the longest description (characters)
 * @param publicMaxAttachments attachments one public report may carry
 * @param publicAttachmentMaxSize largest public attachment
 * @param publicAttachmentTypes file types the public may upload
 * @param consistencyCheckCron when the register is compared with the engine ("-" off)
 */
@ConfigurationProperties("rectify.clue")
public record ClueProperties(String encryptionKey, Path keyFile, @DefaultValue("20") int publicRateLimit,
		@DefaultValue("PT10M") Duration publicRateWindow, @DefaultValue("P90D") String shelvePeriod,
		@DefaultValue("3") int registrationWorkingDays, @DefaultValue("5") int greenWorkingDays,
		@DefaultValue("30") int standardDefaultWorkingDays, @DefaultValue("90") int standardMaxWorkingDays,
		@DefaultValue("30") int extensionMaxWorkingDays, @DefaultValue("5000") int descriptionMaxLength,
		@DefaultValue("3") int publicMaxAttachments, @DefaultValue("5MB") DataSize publicAttachmentMaxSize,
		@DefaultValue( {
				"pdf", "jpg", "jpeg", "png", "txt", "mp3", "m4a" }) List<String> publicAttachmentTypes,
		@DefaultValue("0 17 2 * * *") String consistencyCheckCron){

}
