package org.rectifyflow.inspection.internal;

import org.rectifyflow.inspection.Finding;
import org.rectifyflow.inspection.Inspection;

/** Chinese names of the enums shown to users. */
public final class MethodNames {

	private MethodNames() {
	}

	/**
	 * @param value a method, kind, status or finding type
	 * @return its Chinese name; the name of any other enum
	 */
	public static String any(Enum<?> value) {
		if (value instanceof Finding.Method method) {
			return of(method);
		}
		if (value instanceof Inspection.Kind kind) {
			return of(kind);
		}
		if (value instanceof Inspection.Status status) {
			return of(status);
		}
		if (value instanceof Finding.Type type) {
			return of(type);
		}
		return value.name();
	}

	public static String of(Finding.Method method) {
		return switch (method) {
			case RECORDS -> "调阅资料";
			case ON_SITE -> "实地查看";
			case INTERVIEW -> "走访调查";
		};
	}

	public static String of(Inspection.Kind kind) {
		return (kind == null) ? null : switch (kind) {
			case ANNOUNCED -> "明察";
			case UNANNOUNCED -> "暗访";
		};
	}

	public static String of(Finding.Type type) {
		return switch (type) {
			case CLUE -> "问题线索";
			case PROBLEM -> "单位存在的问题";
		};
	}

	public static String of(Inspection.Status status) {
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
