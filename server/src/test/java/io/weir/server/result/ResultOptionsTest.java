package io.weir.server.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.WeirException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultOptionsTest {

    @Test
    void whenNothingIsSet_thenBlockWithDefaultSizes() {
        ResultOptions options = ResultOptions.from(Map.of());

        assertThat(options).isEqualTo(new ResultOptions(ResultOptions.DEFAULT_BUFFER_ROWS, BufferPolicy.BLOCK,
                ResultOptions.DEFAULT_PAGE_ROWS));
    }

    @Test
    void whenSet_thenPolicyAndSizesAreRead() {
        ResultOptions options = ResultOptions.from(Map.of("result.buffer-policy", "Drop-Oldest",
                "result.buffer-rows", "500", "result.page-rows", "50"));

        assertThat(options).isEqualTo(new ResultOptions(500, BufferPolicy.DROP_OLDEST, 50));
    }

    @Test
    void whenPagesWouldExceedTheBuffer_thenTheyAreCappedToIt() {
        assertThat(ResultOptions.from(Map.of("result.buffer-rows", "10")).pageRows()).isEqualTo(10);
    }

    @Test
    void whenValuesAreBad_thenValidationErrorsNameTheKey() {
        assertThatThrownBy(() -> ResultOptions.from(Map.of("result.buffer-rows", "0")))
                .isInstanceOf(WeirException.class).hasMessageContaining("result.buffer-rows");
        assertThatThrownBy(() -> ResultOptions.from(Map.of("result.page-rows", "many")))
                .isInstanceOf(WeirException.class).hasMessageContaining("result.page-rows");
        assertThatThrownBy(() -> ResultOptions.from(Map.of("result.buffer-policy", "spill")))
                .isInstanceOf(WeirException.class).hasMessageContaining("'block' or 'drop-oldest'");
    }
}
