package dev.migrator.sample;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /holdings}: list and add holdings. Bad input gets 400 with a message per field, and nothing is written. */
@RestController
@RequestMapping("/holdings")
public class HoldingController {

	private final HoldingRepository holdings;

	public HoldingController(HoldingRepository holdings) {
		this.holdings = holdings;
	}

	@GetMapping
	public List<Holding> list() {
		return this.holdings.findAll();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public Holding add(@Valid @RequestBody NewHolding holding) {
		if (!this.holdings.tokenExists(holding.tokenId())) {
			throw new BadInput(Map.of("tokenId", "no token has id " + holding.tokenId()));
		}
		return this.holdings.insert(holding);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException ex) {
		Map<String, String> fields = new TreeMap<>();
		ex.getBindingResult().getFieldErrors().forEach((error) -> fields.putIfAbsent(error.getField(),
				error.getDefaultMessage()));
		return badRequest(fields);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return badRequest(Map.of("body", "must be a JSON object with tokenId, owner, quantity and optional notes"));
	}

	@ExceptionHandler(BadInput.class)
	ResponseEntity<Map<String, Object>> badInput(BadInput ex) {
		return badRequest(ex.fields);
	}

	private static ResponseEntity<Map<String, Object>> badRequest(Map<String, String> fields) {
		return ResponseEntity.badRequest().body(Map.of("error", "invalid holding", "fields", fields));
	}

	static final class BadInput extends RuntimeException {

		private final Map<String, String> fields;

		BadInput(Map<String, String> fields) {
			super(fields.toString());
			this.fields = fields;
		}

	}

}
