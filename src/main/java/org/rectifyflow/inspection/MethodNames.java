package org.rectifyflow.inspection;

/** Chinese names of the enums shown to users. */
final class MethodNames {

	private MethodNames() {
	}

	static String of(Finding.Method method) {
		return switch (method) {
			case RECORDS -> "调阅资料";
			case ON_SITE -> "实地查看";
			case INTERVIEW -> "走访调查";
		};
	}

	static String of(Inspection.Kind kind) {
		return (kind == null) ? null : switch (kind) {
			case ANNOUNCED -> "明察";
			case UNANNOUNCED -> "暗访";
		};
	}

	static String of(Inspection.Status status) {
		return switch (status) {
			case PLANNING -> "制定方案";
			case DRAWN -> "待审批";
			case APPROVED -> "已批准";
			case FIELD_WORK -> "现场检查";
			case REPORTING -> "汇总情况";
			case CLOSED -> "已办结";
		};
	}

}
