package dev.migrator.sample;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /holdings}. */
public record NewHolding(@NotNull(message = "is required") Long tokenId,
		@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String owner,
		@NotNull(message = "is required") @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
		@Digits(integer = 20, fraction = 18, message = "must have at most 20 digits before and 18 after the point")
		BigDecimal quantity,
		@Size(max = 2000, message = "must be at most 2000 characters") String notes) {
}
