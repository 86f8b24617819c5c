package org.rectifyflow.browser;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;

/**
 * A Camunda Form (form-js) rendered in Tasklist. Fields are found by their label, as a
 * person finds them.
 */
final class CamundaForm {

	private final Locator root;

	CamundaForm(Locator root) {
		this.root = root;
	}

	Locator root() {
		return this.root;
	}

	/** The form field (label, input, errors) whose label is the given text. */
	Locator field(String label) {
		return this.root.locator(".fjs-form-field")
			.filter(new Locator.FilterOptions().setHas(this.root.page()
				.locator("label.fjs-form-field-label")
				.filter(new Locator.FilterOptions().setHasText(labelled(label)))));
	}

	/** A label as form-js shows it: required fields end with an asterisk. */
	private static Pattern labelled(String label) {
		return Pattern.compile("^\\s*" + TasklistPage.literal(label) + "\\s*\\*?\\s*$");
	}

	Locator input(String label) {
		return field(label).locator("input, textarea, select").first();
	}

	/**
	 * Types a value and leaves the field, so that form-js takes the value at once (it
	 * debounces typing).
	 */
	void fill(String label, String value) {
		Locator input = input(label);
		input.fill(value);
		input.blur();
	}

	/**
	 * Picks one option of a radio group by its label.
	 * @param label the group's label
	 * @param option the option's label
	 */
	void choose(String label, String option) {
		field(label).getByLabel(option, new Locator.GetByLabelOptions().setExact(true)).check();
	}

	/**
	 * Picks an option of a form-js select (a dropdown list, not a native select).
	 * @param label the select's label
	 * @param option the option's label
	 */
	void select(String label, String option) {
		Locator field = field(label);
		field.locator(".fjs-input-group").click();
		field.locator(".fjs-dropdownlist-item")
			.filter(new Locator.FilterOptions().setHasText(TasklistPage.exactly(option)))
			.click();
	}

	/** The validation messages shown under a field. */
	Locator errors(String label) {
		return field(label).locator(".fjs-form-field-error");
	}

	/** Every validation message in the form. */
	Locator allErrors() {
		return this.root.locator(".fjs-form-field-error");
	}

	/**
	 * Picks the option of a form-js select whose label starts with the given text.
	 * @param label the select's label
	 * @param prefix the start of the option's label
	 */
	void selectStartingWith(String label, String prefix) {
		Locator field = field(label);
		field.locator(".fjs-input-group").click();
		field.locator(".fjs-dropdownlist-item")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + TasklistPage.literal(prefix))))
			.first()
			.click();
	}

	/** The items of the form's dynamic list. */
	Locator listItems() {
		return this.root.locator(".fjs-repeat-row-container");
	}

	/**
	 * One item of the form's dynamic list, whose fields are found by their labels.
	 * @param index the item's index, from 0
	 * @return the item
	 */
	CamundaForm listItem(int index) {
		return new CamundaForm(listItems().nth(index));
	}

	/** Adds an item to the form's dynamic list (its 添加 button). */
	void addListItem() {
		this.root.locator(".fjs-repeat-render-add").first().click();
	}

	/**
	 * The dynamic list with the given label, whose items are found as in a form with one
	 * list ({@link #listItem}, {@link #addListItem}).
	 * @param label the list's label
	 * @return the list
	 */
	CamundaForm list(String label) {
		return new CamundaForm(this.root.locator(".fjs-form-field-dynamiclist")
			.filter(new Locator.FilterOptions().setHasText(label))
			.first());
	}

	/**
	 * Picks an option of a form-js taglist by typing the start of its label and clicking
	 * the option offered.
	 * @param label the taglist's label
	 * @param typed what a person types
	 * @param option the start of the option's label
	 */
	void tag(String label, String typed, String option) {
		Locator field = field(label);
		Locator input = field.locator("input").first();
		input.click();
		input.fill(typed);
		this.root.page()
			.locator(".fjs-dropdownlist-item, .fjs-dropdownlist > *")
			.filter(new Locator.FilterOptions().setHasText(option))
			.first()
			.click();
	}

	/** The read-only tables of the form. */
	Locator tables() {
		return this.root.locator(".fjs-form-field-table");
	}

}
