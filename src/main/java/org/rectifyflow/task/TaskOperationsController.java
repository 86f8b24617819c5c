package org.rectifyflow.task;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.rectifyflow.task.TaskOperations.AvailableOperations;
import org.rectifyflow.task.TaskOperations.CcView;
import org.rectifyflow.task.TaskOperations.TaskView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approval operations on any user task, and the user's copies (抄送).
 */
@Tag(name = "任务操作 Task operations")
@RestController
class TaskOperationsController {

	private final TaskOperations operations;

	private final TaskTransfers transfers;

	private final TaskMoves moves;

	private final TaskCopies copies;

	private final TaskUrges urges;

	TaskOperationsController(TaskOperations operations, TaskTransfers transfers, TaskMoves moves, TaskCopies copies,
			TaskUrges urges) {
		this.operations = operations;
		this.transfers = transfers;
		this.moves = moves;
		this.copies = copies;
		this.urges = urges;
	}

	record TransferRequest(@NotBlank(message = "请选择转办对象") @Size(max = 64) String userId,
			@NotBlank(message = "请填写转办原因") @Size(max = 2000, message = "转办原因不能超过 2000 个字") String reason) {
	}

	record DelegateRequest(@NotBlank(message = "请选择委派对象") @Size(max = 64) String userId,
			@Size(max = 2000, message = "说明不能超过 2000 个字") String note) {
	}

	record NoteRequest(@Size(max = 2000, message = "说明不能超过 2000 个字") String note) {
	}

	record ReturnRequest(
			@NotBlank(message = "请填写退回意见") @Size(max = 2000, message = "退回意见不能超过 2000 个字") String opinion) {
	}

	record CopyRequest(@NotEmpty(message = "请选择抄送对象") @Size(max = 50, message = "一次最多抄送 50 人") List<String> userIds,
			@Size(max = 1000, message = "抄送说明不能超过 1000 个字") String note) {
	}

	record UrgeRequest(@Size(max = 1000, message = "催办内容不能超过 1000 个字") String message) {
	}

	@Operation(operationId = "listTaskOperations",
			summary = "The operations the caller may perform on a task now, with their allowed targets")
	@GetMapping("/api/tasks/{id}/operations")
	AvailableOperations operations(@PathVariable String id, Principal user) {
		return this.operations.available(id, user.getName());
	}

	@Operation(operationId = "transferTask", summary = "Transfer a task to another person (转办)")
	@PostMapping("/api/tasks/{id}/transfer")
	TaskView transfer(@PathVariable String id, @Valid @RequestBody TransferRequest request, Principal user) {
		return this.transfers.transfer(id, user.getName(), request.userId(), request.reason());
	}

	@Operation(operationId = "delegateTask", summary = "Delegate a task; it comes back to its holder (委派)")
	@PostMapping("/api/tasks/{id}/delegate")
	TaskView delegate(@PathVariable String id, @Valid @RequestBody DelegateRequest request, Principal user) {
		return this.transfers.delegate(id, user.getName(), request.userId(), request.note());
	}

	@Operation(operationId = "resolveDelegatedTask", summary = "Hand a delegated task back to its holder")
	@PostMapping("/api/tasks/{id}/resolve")
	TaskView resolve(@PathVariable String id, @Valid @RequestBody(required = false) NoteRequest request,
			Principal user) {
		return this.transfers.resolve(id, user.getName(), (request != null) ? request.note() : null);
	}

	@Operation(operationId = "returnTask", summary = "Return a task to the previous step (退回)")
	@PostMapping("/api/tasks/{id}/return")
	TaskView returnToPrevious(@PathVariable String id, @Valid @RequestBody ReturnRequest request, Principal user) {
		return this.moves.returnToPrevious(id, user.getName(), request.opinion());
	}

	@Operation(operationId = "withdrawTask", summary = "Take back a task one has just completed (撤回)")
	@PostMapping("/api/tasks/{id}/withdraw")
	TaskView withdraw(@PathVariable String id, Principal user) {
		return this.moves.withdraw(id, user.getName());
	}

	@Operation(operationId = "copyTask", summary = "Send a copy of a task to other people (抄送)")
	@PostMapping("/api/tasks/{id}/cc")
	Map<String, Integer> copy(@PathVariable String id, @Valid @RequestBody CopyRequest request, Principal user) {
		return Map.of("copies", this.copies.copy(id, user.getName(), request.userIds(), request.note()));
	}

	@Operation(operationId = "urgeTask", summary = "Urge a task's holder (催办)")
	@PostMapping("/api/tasks/{id}/urge")
	Map<String, LocalDate> urge(@PathVariable String id, @Valid @RequestBody(required = false) UrgeRequest request,
			Principal user) {
		return Map.of("workingDay", this.urges.urge(id, user.getName(), (request != null) ? request.message() : null));
	}

	@Operation(operationId = "listTaskCopies", summary = "Copies of tasks sent to the user")
	@GetMapping("/api/cc")
	List<CcView> copies(@RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Principal user) {
		return this.copies.copiesFor(user.getName(), unreadOnly, page, size);
	}

	@Operation(operationId = "readTaskCopy",
			summary = "Read a copy and its task, read-only; the read is recorded in the task's audit trail")
	@GetMapping("/api/cc/{id}")
	TaskCopies.CopiedTask readCopy(@PathVariable Long id, Principal user) {
		return this.copies.read(id, user.getName());
	}

	@Operation(operationId = "markTaskCopyRead", summary = "Mark a copy as read")
	@PostMapping("/api/cc/{id}/read")
	CcView read(@PathVariable Long id, Principal user) {
		return this.copies.markCopyRead(id, user.getName());
	}

}
