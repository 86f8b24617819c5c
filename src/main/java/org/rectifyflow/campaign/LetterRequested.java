package org.rectifyflow.campaign;

/**
 * Published when 派驻纪检组, deciding an analysis flag, calls for a recommendation letter
 * (纪律检查建议书) to a unit of the campaign (in the deciding task's transaction). The feature
 * that writes letters reacts to it; the campaign needs no answer.
 *
 * @param campaignId the campaign
 * @param flagRef the flag's reference, {@code analysis-flag/<id>}
 * @param unitCode the unit to write to (in the campaign's scope)
 * @param problems what the letter is about, in Chinese: the flag and the decision note
 */
public record LetterRequested(Long campaignId, String flagRef, String unitCode, String problems) {

}
