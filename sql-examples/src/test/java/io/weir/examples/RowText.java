package io.weir.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A canonical text of a JSON row, so that 54 and 54.00 compare equal (numbers compared by value). */
final class RowText {

    private RowText() {
    }

    static String of(JsonNode row) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : row) {
            if (value.isNumber()) {
                BigDecimal number = value.decimalValue().stripTrailingZeros();
                values.add(number.signum() == 0 ? "0" : number.toPlainString());
            } else {
                values.add(value.toString());
            }
        }
        return values.toString();
    }
}
