<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>ActivationPlot</name>
    <message>
        <source>max {symbol} = {bound}</source>
        <translation type="vanished">max {symbol} = {bound}</translation>
    </message>
    <message>
        <source>{symbol} ≤ {bound}</source>
        <translation>{symbol} ≤ {bound}</translation>
    </message>
    <message>
        <source>{title} and {derivative}</source>
        <translation>{title}와(과) {derivative}</translation>
    </message>
    <message>
        <source>sigmoid σ and σ′</source>
        <translation type="vanished">시그모이드 σ와 σ′</translation>
    </message>
    <message>
        <source>tanh and tanh′</source>
        <translation type="vanished">tanh와 tanh′</translation>
    </message>
    <message>
        <source>ReLU and relu′</source>
        <translation type="vanished">ReLU와 relu′</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave is off: {folder} cannot be written (permission denied)</source>
        <translation>자동 저장 꺼짐: {folder}에 쓸 수 없습니다 (권한 없음)</translation>
    </message>
    <message>
        <source>Autosave is off: {folder}: {reason}</source>
        <translation>자동 저장 꺼짐: {folder}: {reason}</translation>
    </message>
    <message>
        <source>Autosave is off: {folder} is not a folder ({reason})</source>
        <translation>자동 저장 꺼짐: {folder}은(는) 폴더가 아닙니다 ({reason})</translation>
    </message>
    <message>
        <source>{folder} was not a folder: it was set aside as {name}</source>
        <translation>{folder}은(는) 폴더가 아니어서 {name}(으)로 옮겨 두었습니다</translation>
    </message>
    <message>
        <source>Autosave skipped: {name} is in the way</source>
        <translation>자동 저장 건너뜀: {name}이(가) 자리를 막고 있습니다</translation>
    </message>
    <message>
        <source>Autosave skipped: another running explorer autosaves {name}</source>
        <translation>자동 저장 건너뜀: 실행 중인 다른 프로그램이 {name}을(를) 자동 저장하고 있습니다</translation>
    </message>
    <message>
        <source>Autosave to {folder} failed: {reason}</source>
        <translation>{folder}에 자동 저장 실패: {reason}</translation>
    </message>
</context>
<context>
    <name>BreakdownView</name>
    <message>
        <source>Check with finite differences</source>
        <translation>유한 차분으로 확인</translation>
    </message>
    <message>
        <source>Recompute the gradient by central differences (float64), off the window&apos;s thread</source>
        <translation>중심 차분(float64)으로 변화도를 다시 계산합니다 (창과 다른 스레드에서)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>연쇄법칙 (chain rule): contract the upstream gradient with the local Jacobian over every output index</source>
        <translation>연쇄법칙: 위쪽에서 온 변화도와 국소 야코비안 행렬을 모든 출력 인덱스에 대해 축약합니다</translation>
    </message>
    <message>
        <source>{jac} is the Jacobian of the scalar loss: a single row ∇ᵀL, exactly the gradient {jac} ({shape}) the backward pass computes first, from ∂L/∂L = 1.</source>
        <translation>{jac}은(는) 스칼라 손실의 야코비안 행렬입니다: 행 하나 ∇ᵀL, 곧 역전파가 ∂L/∂L = 1에서 시작해 가장 먼저 계산하는 변화도 {jac} ({shape}) 그 자체입니다.</translation>
    </message>
    <message>
        <source>The dense Jacobian is not built: {reason}. The closed form below needs no Jacobian.</source>
        <translation>밀집 야코비안 행렬은 만들지 않습니다: {reason}. 아래의 닫힌 형태에는 야코비안 행렬이 필요 없습니다.</translation>
    </message>
    <message>
        <source>편미분 element by element</source>
        <translation>원소별 편미분</translation>
    </message>
    <message>
        <source>벡터-야코비안 곱 (vector-Jacobian product, autograd)</source>
        <translation>벡터-야코비안 곱 (autograd)</translation>
    </message>
    <message>
        <source>Here J is the loss&apos;s own row ∇ᵀL: the backward pass starts from v = ∂L/∂L = 1, and Jᵀ v = {closed} is the gradient {result} ({shape}) itself.</source>
        <translation>여기서 J는 손실 자신의 행 ∇ᵀL입니다: 역전파는 v = ∂L/∂L = 1에서 시작하고, Jᵀ v = {closed}이(가) 곧 변화도 {result} ({shape})입니다.</translation>
    </message>
    <message>
        <source>The backward pass does not build {jac}: with v = {upstream} ({vshape}) it computes Jᵀ v = {closed} directly, {shape} numbers, as torch.autograd does.</source>
        <translation>역전파는 {jac}을(를) 만들지 않습니다: v = {upstream} ({vshape})로 Jᵀ v = {closed}을(를) 바로 계산합니다 ({shape}개의 수, torch.autograd와 같은 방식).</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>기호</translation>
    </message>
    <message>
        <source>No independent check here: the Jacobian was too large to build, and the closed form is the engine&apos;s own computation. Use the finite-difference check below.</source>
        <translation>여기서는 독립적인 확인이 없습니다: 야코비안 행렬이 너무 커서 만들지 않았고, 닫힌 형태는 엔진 자신의 계산입니다. 아래의 유한 차분 확인을 사용하세요.</translation>
    </message>
    <message>
        <source>the engine&apos;s backward pass</source>
        <translation>엔진의 역전파</translation>
    </message>
    <message>
        <source>the engine&apos;s vector-Jacobian product</source>
        <translation>엔진의 벡터-야코비안 곱</translation>
    </message>
    <message>
        <source>✓ the dense contraction einsum(&quot;{spec}&quot;) over the built Jacobian equals {result} from {source} (max |Δ| = {diff})</source>
        <translation>✓ 만든 야코비안 행렬에 대한 밀집 축약 einsum(&quot;{spec}&quot;)이 {source}의 {result}와(과) 같습니다 (최대 |Δ| = {diff})</translation>
    </message>
    <message>
        <source>✗ the dense contraction einsum(&quot;{spec}&quot;) over the built Jacobian DIFFERS from {result} from {source} (max |Δ| = {diff})</source>
        <translation>✗ 만든 야코비안 행렬에 대한 밀집 축약 einsum(&quot;{spec}&quot;)이 {source}의 {result}와(과) 다릅니다 (최대 |Δ| = {diff})</translation>
    </message>
    <message>
        <source>{name} is not complete at this step yet: the backward pass finishes it later.</source>
        <translation>{name}은(는) 이 단계에서 아직 완성되지 않았습니다: 역전파가 나중에 마무리합니다.</translation>
    </message>
    <message>
        <source>Computing {name} by central differences…</source>
        <translation>중심 차분으로 {name} 계산 중…</translation>
    </message>
    <message>
        <source>Finite differences of {name}</source>
        <translation>{name}의 유한 차분</translation>
    </message>
    <message>
        <source>✓ {name} from the backward pass equals central finite differences (float64): largest difference {diff}</source>
        <translation>✓ 역전파의 {name}이(가) 중심 유한 차분(float64)과 같습니다: 최대 차이 {diff}</translation>
    </message>
    <message>
        <source>✗ {name} from the backward pass DIFFERS from central finite differences (float64): largest difference {diff}</source>
        <translation>✗ 역전파의 {name}이(가) 중심 유한 차분(float64)과 다릅니다: 최대 차이 {diff}</translation>
    </message>
    <message>
        <source>Finite-difference check cancelled.</source>
        <translation>유한 차분 확인을 취소했습니다.</translation>
    </message>
</context>
<context>
    <name>ColourScale</name>
    <message>
        <source>own maximum</source>
        <translation>자신의 최댓값</translation>
    </message>
    <message>
        <source>log colour scale: sign·log₁₀(1 + |x| / {floor}), floor {floor}, up to ±{top} ({where})</source>
        <translation>로그 색 눈금: sign·log₁₀(1 + |x| / {floor}), 하한 {floor}, 최대 ±{top} ({where})</translation>
    </message>
    <message>
        <source>colour scale ±{top} ({where})</source>
        <translation>색 눈금 ±{top} ({where})</translation>
    </message>
    <message>
        <source>shared across all parameters</source>
        <translation>모든 파라미터가 공유</translation>
    </message>
    <message>
        <source>shared across all parameters&apos; gradients</source>
        <translation>모든 파라미터의 변화도가 공유</translation>
    </message>
    <message>
        <source>shared across layers</source>
        <translation>층 사이에서 공유</translation>
    </message>
    <message>
        <source>shared across layers&apos; gradients</source>
        <translation>층들의 변화도가 공유</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Redo {text}</source>
        <translation>다시 실행: {text}</translation>
    </message>
    <message>
        <source>Undo {text}</source>
        <translation>실행 취소: {text}</translation>
    </message>
    <message>
        <source>Add layer refused: {error}</source>
        <translation>층 추가 거부: {error}</translation>
    </message>
    <message>
        <source> with {activation}</source>
        <translation> ({activation} 포함)</translation>
    </message>
    <message>
        <source>Add layer {number}{then}</source>
        <translation>{number}번째 층 추가{then}</translation>
    </message>
    <message>
        <source>Layer {number} ({weight}, {output}) moved up to layer {next}; its numbers are kept.</source>
        <translation>{number}번째 층({weight}, {output})은 {next}번째 층이 되었고, 그 값은 그대로입니다.</translation>
    </message>
    <message>
        <source>Remove layer {number}{weight}</source>
        <translation>{number}번째 층 삭제{weight}</translation>
    </message>
    <message>
        <source>{target} resized from {old} to {new} to match {prediction}.</source>
        <translation>{prediction}에 맞추어 {target}의 모양을 {old}에서 {new}(으)로 바꾸었습니다.</translation>
    </message>
    <message>
        <source>Set layer {number} width to {width}</source>
        <translation>{number}번째 층의 너비를 {width}(으)로 설정</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Set layer {number} activation to {name}</source>
        <translation>{number}번째 층의 활성함수를 {name}(으)로 설정</translation>
    </message>
    <message>
        <source>Add bias of layer {number}</source>
        <translation>{number}번째 층에 편향 추가</translation>
    </message>
    <message>
        <source>Remove bias of layer {number}</source>
        <translation>{number}번째 층의 편향 삭제</translation>
    </message>
    <message>
        <source>Set loss to {loss}</source>
        <translation>손실 함수를 {loss}(으)로 설정</translation>
    </message>
    <message>
        <source>Set batch to {batch}</source>
        <translation>배치를 {batch}(으)로 설정</translation>
    </message>
    <message>
        <source>{names} got {count} new column(s) of seeded random numbers.</source>
        <translation>{names}에 시드로 정한 난수 열 {count}개를 새로 넣었습니다.</translation>
    </message>
    <message>
        <source>{names} lost their last {count} column(s).</source>
        <translation>{names}의 마지막 열 {count}개를 지웠습니다.</translation>
    </message>
    <message>
        <source>Compute ∂L/∂{node}</source>
        <translation>∂L/∂{node} 계산하기</translation>
    </message>
    <message>
        <source>Stop computing ∂L/∂{node}</source>
        <translation>∂L/∂{node} 계산 그만하기</translation>
    </message>
    <message>
        <source>Edit {node}</source>
        <translation>{node} 편집</translation>
    </message>
    <message>
        <source>Move {node}</source>
        <translation>{node} 이동</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>{edit} refused: {reason}</source>
        <translation>{edit} 거부됨: {reason}</translation>
    </message>
    <message>
        <source>the model changed, so the pass starts again at step 0</source>
        <translation>모델이 바뀌어 0단계부터 다시 시작합니다</translation>
    </message>
    <message>
        <source>back at step {position}/{total}</source>
        <translation>{position}/{total}단계로 돌아갑니다</translation>
    </message>
    <message>
        <source>Cannot open {name}: {reason}</source>
        <translation>{name}을(를) 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Opened {name} at step {position}/{total}</source>
        <translation>{name}을(를) 열었습니다 ({position}/{total}단계)</translation>
    </message>
    <message>
        <source>Cannot save {name}: a bundled example is never overwritten; use Save As</source>
        <translation>{name}을(를) 저장할 수 없습니다: 내장 예제는 덮어쓰지 않습니다. 다른 이름으로 저장하세요</translation>
    </message>
    <message>
        <source>Cannot save {name}: {reason}; the file on disk is unchanged</source>
        <translation>{name}을(를) 저장할 수 없습니다: {reason}. 디스크의 파일은 그대로입니다</translation>
    </message>
    <message>
        <source>Saved {name} (a snapshot at step {position}/{total})</source>
        <translation>{name}을(를) 저장했습니다 ({position}/{total}단계의 스냅샷)</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name}을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>The pass stopped: {reason}</source>
        <translation>계산이 멈췄습니다: {reason}</translation>
    </message>
    <message>
        <source>Computing step {index}: {node}…</source>
        <translation>{index}단계 계산 중: {node}…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>계산 중…</translation>
    </message>
    <message>
        <source>Running the forward pass…</source>
        <translation>순전파 실행 중…</translation>
    </message>
    <message>
        <source>Running forward and backward to the end…</source>
        <translation>순전파와 역전파를 끝까지 실행 중…</translation>
    </message>
    <message>
        <source>Moving to step {position}…</source>
        <translation>{position}단계로 이동 중…</translation>
    </message>
    <message>
        <source>Ready: step to begin the forward pass (순전파)</source>
        <translation>준비: 한 단계 진행하면 순전파가 시작됩니다</translation>
    </message>
    <message>
        <source>Forward {index}/{total}: {formula}</source>
        <translation>순전파 {index}/{total}: {formula}</translation>
    </message>
    <message>
        <source>Backward {index}/{total}: {formula}</source>
        <translation>역전파 {index}/{total}: {formula}</translation>
    </message>
</context>
<context>
    <name>DerivationView</name>
    <message>
        <source>The chain from the loss · 연쇄법칙</source>
        <translation>손실에서 시작하는 연쇄 · 연쇄법칙</translation>
    </message>
    <message>
        <source>One local derivative: {symbol} (pick another above)</source>
        <translation>국소 미분 하나: {symbol} (위에서 다른 것을 고르세요)</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>기호</translation>
    </message>
    <message>
        <source>Beside the lecture</source>
        <translation>강의와 나란히 읽기</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Models and snapshots (*.json);;All files (*)</source>
        <translation>모델과 스냅샷 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{name} has unsaved edits. Save them?</source>
        <translation>{name}에 저장하지 않은 편집이 있습니다. 저장할까요?</translation>
    </message>
    <message>
        <source>The explorer did not close properly. Edits of {name} from {time} were saved automatically. Recover them?</source>
        <translation>프로그램이 정상적으로 종료되지 않았습니다. {time}에 자동 저장된 {name}의 편집 내용이 있습니다. 복구할까요?</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Jacobian Explorer&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;Makes matrix differentiation (행렬미분) visible: step the forward pass (순전파) and the backward pass (역전파) one node at a time and see every value, gradient (변화도), Jacobian (야코비안 행렬) and the tensor-product (텐서곱) breakdown of the chain rule (연쇄법칙).&lt;/p&gt;&lt;p&gt;A layer is H&lt;sub&gt;out&lt;/sub&gt; = Wᵀ H&lt;sub&gt;in&lt;/sub&gt;; a Jacobian ∂A/∂T has shape A.shape + T.shape.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Jacobian Explorer&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;행렬미분을 눈으로 봅니다: 순전파와 역전파를 노드 하나씩 단계별로 실행하며 모든 값, 변화도, 야코비안 행렬과 연쇄법칙의 텐서곱 분해를 살펴봅니다.&lt;/p&gt;&lt;p&gt;층은 H&lt;sub&gt;out&lt;/sub&gt; = Wᵀ H&lt;sub&gt;in&lt;/sub&gt;이고, 야코비안 ∂A/∂T의 모양은 A.shape + T.shape입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Jacobian Explorer&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;Makes matrix differentiation (행렬미분) visible: step the forward pass (순전파) and the backward pass (역전파) one node at a time and see every value, gradient (기울기), Jacobian (야코비안 행렬) and the tensor-product (텐서곱) breakdown of the chain rule (연쇄법칙).&lt;/p&gt;&lt;p&gt;A layer is H&lt;sub&gt;out&lt;/sub&gt; = Wᵀ H&lt;sub&gt;in&lt;/sub&gt;; a Jacobian ∂A/∂T has shape A.shape + T.shape.&lt;/p&gt;</source>
        <translation type="vanished">&lt;p&gt;&lt;b&gt;Jacobian Explorer&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;행렬미분을 눈으로 봅니다: 순전파와 역전파를 노드 하나씩 단계별로 실행하며 모든 값, 기울기, 야코비안 행렬과 연쇄법칙의 텐서곱 분해를 살펴봅니다.&lt;/p&gt;&lt;p&gt;층은 H&lt;sub&gt;out&lt;/sub&gt; = Wᵀ H&lt;sub&gt;in&lt;/sub&gt;이고, 야코비안 ∂A/∂T의 모양은 A.shape + T.shape입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Jacobian Explorer</source>
        <translation>Jacobian Explorer 정보</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Cannot recover {name}: {reason}</source>
        <translation type="vanished">{name}을(를) 복구할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Cannot recover {name}: {reason}; the autosave is kept as {file}</source>
        <translation>{name}을(를) 복구할 수 없습니다: {reason}; 자동 저장 파일은 {file}(으)로 보관했습니다</translation>
    </message>
    <message>
        <source>Export to {folder} failed: {reason}</source>
        <translation>{folder}(으)로 내보내기 실패: {reason}</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>δ = {name} ({shape}), the gradient arriving at {node}</source>
        <translation>δ = {name} ({shape}), {node}에 도착하는 변화도</translation>
    </message>
    <message>
        <source>v = {delta}</source>
        <translation>v = {delta}</translation>
    </message>
    <message>
        <source>N = {n}, the number of elements of {node} (batch included)</source>
        <translation>N = {n}, {node}의 원소 개수 (배치 포함)</translation>
    </message>
    <message>
        <source>s runs over the samples (the columns)</source>
        <translation>s는 샘플(열)을 따라 갑니다</translation>
    </message>
    <message>
        <source>one sample: the outer product {factor} δᵀ, {rows} · {cols} → {shape}</source>
        <translation>샘플 하나: 외적 {factor} δᵀ, {rows} · {cols} → {shape}</translation>
    </message>
    <message>
        <source>{count} samples: {factor} δᵀ = Σₛ {factor}[:, s] δ[:, s]ᵀ, a sum of outer products</source>
        <translation>샘플 {count}개: {factor} δᵀ = Σₛ {factor}[:, s] δ[:, s]ᵀ, 외적들의 합</translation>
    </message>
    <message>
        <source>{call}  # {grad} is now {result}</source>
        <translation>{call}  # 이제 {grad}에는 {result}이(가) 들어 있음</translation>
    </message>
    <message>
        <source>{call}  # {grad} is now {result} only if {node}.requires_grad_() ran before the forward pass; data requires no gradient by default and {grad} stays None</source>
        <translation>{call}  # 순방향 계산 전에 {node}.requires_grad_()를 실행했을 때만 이제 {grad}에는 {result}가 들어 있음; 데이터는 기본적으로 변화도를 요구하지 않으므로 {grad}는 None으로 남음</translation>
    </message>
    <message>
        <source>{call}  # v = {v}; {grad} is now Jᵀv = {result} only if {node}.requires_grad_() ran before the forward pass; data requires no gradient by default and {grad} stays None</source>
        <translation>{call}  # v = {v}; 순방향 계산 전에 {node}.requires_grad_()를 실행했을 때만 이제 {grad}에는 Jᵀv = {result}가 들어 있음; 데이터는 기본적으로 변화도를 요구하지 않으므로 {grad}는 None으로 남음</translation>
    </message>
    <message>
        <source>{call}  # v = {v}; {grad} is now Jᵀv = {result}, J never built</source>
        <translation>{call}  # v = {v}; 이제 {grad}에는 Jᵀv = {result}이(가) 들어 있고, J는 만들지 않았음</translation>
    </message>
    <message>
        <source>the backward pass has not reached {node} yet (∂L/∂{node} is unknown)</source>
        <translation>역전파가 아직 {node}에 닿지 않았습니다 (∂L/∂{node}은(는) 아직 모름)</translation>
    </message>
    <message>
        <source>the finite-difference check of {node} was cancelled</source>
        <translation>{node}의 유한 차분 검사가 취소되었습니다</translation>
    </message>
    <message>
        <source>the forward pass is not complete</source>
        <translation>순전파가 아직 끝나지 않았습니다</translation>
    </message>
    <message>
        <source>no node {node} in the model (nodes: {nodes})</source>
        <translation>모델에 노드 {node}이(가) 없습니다 (노드: {nodes})</translation>
    </message>
    <message>
        <source>the model has no parameter; name a node with --node</source>
        <translation>모델에 매개변수가 없습니다; --node로 노드를 지정하세요</translation>
    </message>
    <message>
        <source>∂L/∂{node} is not known at step {step}/{total}: the backward pass reaches {node} at step {reached}</source>
        <translation>단계 {step}/{total}에서는 ∂L/∂{node}을(를) 아직 모릅니다: 역전파는 단계 {reached}에서 {node}에 닿습니다</translation>
    </message>
    <message>
        <source>∂L/∂{node} is not computed: {node} is data marked &quot;requires_grad&quot;: false, as PyTorch leaves its .grad None; mark it true to follow the gradient to it</source>
        <translation>∂L/∂{node}은(는) 계산하지 않습니다: {node}은(는) &quot;requires_grad&quot;: false로 표시된 데이터이며, PyTorch도 그 .grad를 None으로 둡니다. 변화도를 {node}까지 따라가려면 true로 표시하세요</translation>
    </message>
    <message>
        <source>One factor: nothing to multiply in either mode.</source>
        <translation>인수가 하나: 어느 모드에서도 곱할 것이 없습니다.</translation>
    </message>
    <message>
        <source>{factors} factors: {cost} multiply-adds in either mode.</source>
        <translation>인수 {factors}개: 어느 모드에서도 곱셈-덧셈 {cost}번입니다.</translation>
    </message>
    <message>
        <source>With {factors} factors reverse mode is cheaper, {reverse} against {forward}: from the loss it carries one row vector (the loss is one number), never a matrix; this is why autograd runs backwards.</source>
        <translation>인수가 {factors}개이면 역방향 모드가 더 적게 듭니다({reverse} 대 {forward}): 손실에서 시작하면 행벡터 하나만 나르고(손실은 수 하나) 행렬은 나르지 않습니다. 그래서 autograd는 역방향으로 계산합니다.</translation>
    </message>
    <message>
        <source>With {factors} factors forward mode is cheaper here, {forward} against {reverse}.</source>
        <translation>인수가 {factors}개인 여기서는 전방 모드가 더 적게 듭니다({forward} 대 {reverse}).</translation>
    </message>
    <message>
        <source>⊗: the Kronecker (tensor) product; Wᵀ ⊗ I_B repeats Wᵀ once per sample of a batch of B</source>
        <translation>⊗: 크로네커 곱(텐서곱); Wᵀ ⊗ I_B는 B개 샘플의 배치에서 샘플마다 Wᵀ를 한 번씩 되풀이합니다</translation>
    </message>
    <message>
        <source>⊙: the elementwise (Hadamard) product, element by element, no sum</source>
        <translation>⊙: 원소별 곱(아다마르 곱), 원소끼리 곱하고 더하지 않습니다</translation>
    </message>
    <message>
        <source>diag(v): the square matrix with v on its diagonal and zeros elsewhere (an elementwise op&apos;s Jacobian)</source>
        <translation>diag(v): 대각선에 v, 나머지는 0인 정사각 행렬(원소별 연산의 야코비안)</translation>
    </message>
    <message>
        <source>[i = j]: 1 when the condition holds, 0 otherwise (Iverson&apos;s bracket); [x &gt; 0] likewise</source>
        <translation>[i = j]: 조건이 맞으면 1, 아니면 0(아이버슨 괄호); [x &gt; 0]도 같습니다</translation>
    </message>
    <message>
        <source>einsum(&quot;ib,ibkj-&gt;kj&quot;): multiply the factors entry by entry and sum over every index left out of the result (here i and b): a contraction</source>
        <translation>einsum(&quot;ib,ibkj-&gt;kj&quot;): 인수들을 원소끼리 곱하고 결과에 없는 첨자(여기서는 i와 b)에 대해 모두 더합니다: 축약</translation>
    </message>
    <message>
        <source>scalar by vector: y = f(X), X ∈ ℝⁿ → ∇_X y = ∂y/∂X, n numbers ∂y/∂xᵢ, shaped like X</source>
        <translation>스칼라를 벡터로 미분: y = f(X), X ∈ ℝⁿ → ∇_X y = ∂y/∂X, 수 n개 ∂y/∂xᵢ, X와 같은 모양</translation>
    </message>
    <message>
        <source>scalar by matrix: y = f(X), X ∈ ℝⁿˣᵐ → ∂y/∂X, n×m numbers ∂y/∂xᵢⱼ, shaped like X</source>
        <translation>스칼라를 행렬로 미분: y = f(X), X ∈ ℝⁿˣᵐ → ∂y/∂X, 수 n×m개 ∂y/∂xᵢⱼ, X와 같은 모양</translation>
    </message>
    <message>
        <source>vector by vector: Y = f(X), f: ℝⁿ → ℝᵐ → the Jacobian J, m×n, row i ∇ᵀfᵢ, entry ∂yᵢ/∂xⱼ</source>
        <translation>벡터를 벡터로 미분: Y = f(X), f: ℝⁿ → ℝᵐ → 야코비안 행렬 J, m×n, i번째 행 ∇ᵀfᵢ, 원소 ∂yᵢ/∂xⱼ</translation>
    </message>
    <message>
        <source>vector by matrix: Y ∈ ℝᵐ, W ∈ ℝⁿˣᵏ → (∂y₁/∂W, …, ∂yₘ/∂W), m matrices of n×k: shape Y.shape + W.shape</source>
        <translation>벡터를 행렬로 미분: Y ∈ ℝᵐ, W ∈ ℝⁿˣᵏ → (∂y₁/∂W, …, ∂yₘ/∂W), n×k 행렬 m개: Y의 모양 다음에 W의 모양</translation>
    </message>
    <message>
        <source>The lecture writes ∂Ŷ/∂W as &quot;(3×1×2)&quot;: a 3×2 matrix per output (the ×1 is the sample) listed for ŷ₁ and ŷ₂. The program puts the output first, Ŷ&apos;s shape 2×1 then W&apos;s 3×2: 2×1×3×2, the same 12 numbers, as torch.autograd.functional.jacobian and jax.jacobian order them</source>
        <translation>강의는 ∂Ŷ/∂W를 &quot;(3×1×2)&quot;로 씁니다: 출력마다 3×2 행렬 하나(×1은 샘플)를 ŷ₁과 ŷ₂에 대해 나열한 것입니다. 프로그램은 출력을 먼저 둡니다: Ŷ의 모양 2×1 다음에 W의 3×2, 곧 2×1×3×2이며 같은 수 12개입니다. &quot;torch.autograd.functional.jacobian&quot;과 &quot;jax.jacobian&quot;도 이 순서입니다</translation>
    </message>
    <message>
        <source>∂L/∂Ŷ appears three ways, one set of numbers: as the gradient (Ŷ − Y), 2×1, shaped like Ŷ (the backward pass&apos;s δ); as the loss&apos;s local Jacobian (Ŷ − Y)ᵀ, the same numbers as a 1×2 row (a scalar&apos;s Jacobian is one row ∇ᵀL); and in a table of factors with the shape 2×1, the Jacobian&apos;s shape by the rule shape(L) + shape(Ŷ) with the loss a scalar</source>
        <translation>∂L/∂Ŷ는 세 가지로 보이지만 수는 하나입니다: 변화도로서 (Ŷ − Y), Ŷ와 같은 모양 2×1(역전파의 δ); 손실의 국소 야코비안으로서 (Ŷ − Y)ᵀ, 같은 수를 1×2 행으로(스칼라의 야코비안은 행 하나 ∇ᵀL); 그리고 인수 표에서 모양 2×1, 손실이 스칼라일 때 규칙 (L의 모양) + (Ŷ의 모양)에 따른 야코비안의 모양</translation>
    </message>
    <message>
        <source>The lecture&apos;s slips the program writes correctly: H₂ = W₂ᵀ(W₁ᵀX), where the slide has W₁ᵀ(W₁ᵀX₁); Ŷ = p(g(f(X))), where it has H₂ = p(g(X)); ∂L/∂ŷ₁, where it has L(θ)/∂ŷ₁ (no ∂ above); ∂L/∂ŷ₁ × h₂ for ∂L/∂w₂₁, where it has ∂v̂₁; ∂ŷ₁/∂w₁₂ in the first row of slide 8/8, where it has ∂ŷ₁/∂w₂₂; ∇ᵀfᵢ, the i-th component, where it has ∇ᵀf₁; scalar, where it has Scalor; L = Σ(Ŷ − Y)² on the composition slide, where the toy&apos;s loss is ½Σ(Ŷ − Y)² (the program&apos;s half_sse)</source>
        <translation>프로그램이 바로잡아 쓰는 강의의 오타: 슬라이드의 W₁ᵀ(W₁ᵀX₁)는 H₂ = W₂ᵀ(W₁ᵀX); H₂ = p(g(X))는 Ŷ = p(g(f(X))); L(θ)/∂ŷ₁(분자에 ∂ 없음)는 ∂L/∂ŷ₁; ∂L/∂w₂₁의 ∂v̂₁는 ∂L/∂ŷ₁ × h₂; 슬라이드 8/8 첫 행의 ∂ŷ₁/∂w₂₂는 ∂ŷ₁/∂w₁₂; i번째 성분의 ∇ᵀf₁는 ∇ᵀfᵢ; &quot;Scalor&quot;는 스칼라; 합성함수 슬라이드의 L = Σ(Ŷ − Y)²는 예제의 손실 ½Σ(Ŷ − Y)²(프로그램의 ½·SSE)</translation>
    </message>
    <message>
        <source>{source} (input {port} of {node}) is not computed yet</source>
        <translation>{source} ({node}의 입력 {port})가 아직 계산되지 않았습니다</translation>
    </message>
    <message>
        <source>the backward pass has not reached {node} yet</source>
        <translation>역전파가 아직 {node}에 닿지 않았습니다</translation>
    </message>
    <message>
        <source>∂{node}/∂{wrt} would have {size} elements ({dims}); the budget is {budget}</source>
        <translation>∂{node}/∂{wrt}은(는) 원소가 {size}개 ({dims})가 됩니다; 한도는 {budget}개입니다</translation>
    </message>
    <message>
        <source>{phase} step {step}/{total}: {what} {kind}</source>
        <translation>{phase} 단계 {step}/{total}: {what} {kind}</translation>
    </message>
    <message>
        <source>{phase} step {step}/{total}: {what} {kind} (its inputs reach {largest})</source>
        <translation>{phase} 단계 {step}/{total}: {what} {kind} (입력이 {largest}에 이릅니다)</translation>
    </message>
    <message>
        <source>{phase} step {step}/{total}: {what} {kind} (the gradients flowing in reach {largest})</source>
        <translation>{phase} 단계 {step}/{total}: {what} {kind} (들어오는 변화도가 {largest}에 이릅니다)</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>순전파</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>the gradient of {name}</source>
        <translation>{name}의 변화도가</translation>
    </message>
    <message>
        <source>became NaN</source>
        <translation>NaN이 되었습니다</translation>
    </message>
    <message>
        <source>overflowed to infinity</source>
        <translation>무한대로 넘쳤습니다</translation>
    </message>
    <message>
        <source>the number of steps must be a whole number in 1…{limit}, got {steps}</source>
        <translation>반복 횟수는 1…{limit} 사이의 정수여야 합니다 (받은 값: {steps})</translation>
    </message>
    <message>
        <source>the learning rate must be a finite number &gt; 0, got {lr}</source>
        <translation>학습률은 0보다 큰 유한한 수여야 합니다 (받은 값: {lr})</translation>
    </message>
    <message>
        <source>the momentum must be a number in [0, 1), got {momentum}</source>
        <translation>모멘텀은 [0, 1) 범위의 수여야 합니다 (받은 값: {momentum})</translation>
    </message>
    <message>
        <source>the model has no param node to train</source>
        <translation>모델에 학습할 매개변수 노드가 없습니다</translation>
    </message>
    <message>
        <source>every must be a whole number ≥ 1, got {every}</source>
        <translation>every는 1 이상의 정수여야 합니다 (받은 값: {every})</translation>
    </message>
    <message>
        <source>diverged at iteration {iteration}: node {named}: {what}; try a smaller learning rate</source>
        <translation>반복 {iteration}에서 발산했습니다: 노드 {named}: {what}; 더 작은 학습률을 써 보세요</translation>
    </message>
    <message>
        <source>its value overflowed to a non-finite number in the forward pass</source>
        <translation>순전파에서 값이 유한하지 않은 수로 넘쳤습니다</translation>
    </message>
    <message>
        <source>its gradient overflowed to a non-finite number in the backward pass</source>
        <translation>역전파에서 변화도가 유한하지 않은 수로 넘쳤습니다</translation>
    </message>
    <message>
        <source>the update would make it non-finite</source>
        <translation>갱신하면 유한하지 않은 수가 됩니다</translation>
    </message>
    <message>
        <source>node {node}: the update with learning rate {lr} overflows; try a smaller one</source>
        <translation>노드 {node}: 학습률 {lr}(으)로 갱신하면 넘칩니다; 더 작은 학습률을 써 보세요</translation>
    </message>
    <message>
        <source>the session belongs to another model</source>
        <translation>세션이 다른 모델의 것입니다</translation>
    </message>
    <message>
        <source>node {node}: the backward pass has not reached it yet; run it first</source>
        <translation>노드 {node}: 역전파가 아직 닿지 않았습니다; 먼저 역전파를 실행하세요</translation>
    </message>
    <message>
        <source>node {node}: no gradient given for this parameter</source>
        <translation>노드 {node}: 이 매개변수의 변화도가 주어지지 않았습니다</translation>
    </message>
    <message>
        <source>node {node}: the gradient has shape {shape}; it must be {expected}</source>
        <translation>노드 {node}: 변화도의 모양이 {shape}입니다; {expected}여야 합니다</translation>
    </message>
    <message>
        <source>node {node}: the gradient holds a non-finite number</source>
        <translation>노드 {node}: 변화도에 유한하지 않은 수가 있습니다</translation>
    </message>
    <message>
        <source>node {node}: {problem}</source>
        <translation>노드 {node}: {problem}</translation>
    </message>
    <message>
        <source>this model is not a single chain of layers; the chain editor cannot edit it</source>
        <translation>이 모델은 층이 한 줄로 이어진 사슬이 아니라서 사슬 편집기로 고칠 수 없습니다</translation>
    </message>
    <message>
        <source>cannot add a layer at place {place}; the places are 0 (first) to {count} (last)</source>
        <translation>{place} 자리에는 층을 더할 수 없습니다; 자리는 0(처음)부터 {count}(끝)까지입니다</translation>
    </message>
    <message>
        <source>there is no layer {layer}; the chain has layers 0 to {top}</source>
        <translation>층 {layer}은(는) 없습니다; 사슬의 층은 0부터 {top}까지입니다</translation>
    </message>
    <message>
        <source>width must be a whole number from 1 to {limit}, got {width}</source>
        <translation>너비는 1부터 {limit}까지의 정수여야 합니다 (받은 값: {width})</translation>
    </message>
    <message>
        <source>unknown activation {activation} (use one of {known} or none)</source>
        <translation>알 수 없는 활성화 함수 {activation} ({known} 중 하나나 none을 쓰세요)</translation>
    </message>
    <message>
        <source>there is no such node in the model</source>
        <translation>모델에 그런 노드가 없습니다</translation>
    </message>
    <message>
        <source>is a {op} node; only inputs, parameters and targets hold values</source>
        <translation>{op} 노드입니다; 값을 가지는 것은 입력, 매개변수, 목표뿐입니다</translation>
    </message>
    <message>
        <source>a layer added after the last one must output the target&apos;s {rows} rows, not {width}; add it, then change the last layer&apos;s width</source>
        <translation>마지막 층 뒤에 더하는 층은 {width}행이 아니라 목표의 {rows}행을 내보내야 합니다; 먼저 더한 다음 마지막 층의 너비를 바꾸세요</translation>
    </message>
    <message>
        <source>is the only layer; a chain needs at least one</source>
        <translation>유일한 층입니다; 사슬에는 층이 적어도 하나 있어야 합니다</translation>
    </message>
    <message>
        <source>unknown loss {loss} (use one of {known})</source>
        <translation>알 수 없는 손실 {loss} ({known} 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>batch must be a whole number from 1 to {limit}, got {batch}</source>
        <translation>배치는 1부터 {limit}까지의 정수여야 합니다 (받은 값: {batch})</translation>
    </message>
    <message>
        <source>the new value is ragged: its rows differ in length</source>
        <translation>새 값의 행 길이가 서로 다릅니다</translation>
    </message>
    <message>
        <source>the new value must hold numbers, got {dtype}</source>
        <translation>새 값은 수여야 합니다 (받은 값: {dtype})</translation>
    </message>
    <message>
        <source>the new value has shape {shape}; it must be {expected}</source>
        <translation>새 값의 모양이 {shape}입니다; {expected}여야 합니다</translation>
    </message>
    <message>
        <source>the new value holds a non-finite number (NaN or infinity)</source>
        <translation>새 값에 유한하지 않은 수(NaN 또는 무한대)가 있습니다</translation>
    </message>
    <message>
        <source>pos must be two finite numbers (x, y), got {pos}</source>
        <translation>pos는 유한한 수 두 개 (x, y)여야 합니다 (받은 값: {pos})</translation>
    </message>
    <message>
        <source>init {key} must be a finite number, got {value}</source>
        <translation>init {key}은(는) 유한한 수여야 합니다 (받은 값: {value})</translation>
    </message>
    <message>
        <source>init must be an object such as {{&quot;kind&quot;: &quot;normal&quot;, &quot;seed&quot;: 0}}</source>
        <translation>init은 {{&quot;kind&quot;: &quot;normal&quot;, &quot;seed&quot;: 0}} 같은 객체여야 합니다</translation>
    </message>
    <message>
        <source>init has an unknown key {key} (known: {known})</source>
        <translation>init에 알 수 없는 키 {key}이(가) 있습니다 (알려진 키: {known})</translation>
    </message>
    <message>
        <source>unknown init kind {kind} (use one of {known})</source>
        <translation>알 수 없는 init 종류 {kind} ({known} 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>init seed must be a non-negative integer, got {seed}</source>
        <translation>init seed는 음이 아닌 정수여야 합니다 (받은 값: {seed})</translation>
    </message>
    <message>
        <source>init low {low} must be below high {high}</source>
        <translation>init low {low}은(는) high {high}보다 작아야 합니다</translation>
    </message>
    <message>
        <source>init std must not be negative, got {std}</source>
        <translation>init std는 음수일 수 없습니다 (받은 값: {std})</translation>
    </message>
    <message>
        <source>{where} needs a non-empty string id, got {id}</source>
        <translation>{where}에는 비어 있지 않은 문자열 id가 필요합니다 (받은 값: {id})</translation>
    </message>
    <message>
        <source>{where} has an id of {length} characters ({id}); the limit is {limit}</source>
        <translation>{where}의 id가 {length}자입니다 ({id}); 한도는 {limit}자입니다</translation>
    </message>
    <message>
        <source>{where} has an id holding the character {bad} ({id}); ids may not hold control characters, line breaks or invisible characters</source>
        <translation>{where}의 id에 문자 {bad}이(가) 있습니다 ({id}); id에는 제어 문자, 줄바꿈, 보이지 않는 문자를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>{what} must be a string, got {value}</source>
        <translation>{what}은(는) 문자열이어야 합니다 (받은 값: {value})</translation>
    </message>
    <message>
        <source>{what} is {length} characters long; the limit is {limit}</source>
        <translation>{what}의 길이가 {length}자입니다; 한도는 {limit}자입니다</translation>
    </message>
    <message>
        <source>{what} holds the character {bad}, a control character or line break</source>
        <translation>{what}에 제어 문자나 줄바꿈인 문자 {bad}이(가) 있습니다</translation>
    </message>
    <message>
        <source>pos holds a non-finite number: {pos}</source>
        <translation>pos에 유한하지 않은 수가 있습니다: {pos}</translation>
    </message>
    <message>
        <source>pos {pos} is past the canvas limit ±{limit}</source>
        <translation>pos {pos}이(가) 캔버스 한계 ±{limit}을(를) 넘습니다</translation>
    </message>
    <message>
        <source>pos must be [x, y], got {pos}</source>
        <translation>pos는 [x, y]여야 합니다 (받은 값: {pos})</translation>
    </message>
    <message>
        <source>the model has no nodes</source>
        <translation>모델에 노드가 없습니다</translation>
    </message>
    <message>
        <source>the model has {count} nodes; the limit is {limit}</source>
        <translation>모델의 노드가 {count}개입니다; 한도는 {limit}개입니다</translation>
    </message>
    <message>
        <source>id is used by more than one node</source>
        <translation>id를 둘 이상의 노드가 씁니다</translation>
    </message>
    <message>
        <source>unknown op {op} (known: {known})</source>
        <translation>알 수 없는 연산 {op} (알려진 연산: {known})</translation>
    </message>
    <message>
        <source>{op} nodes take no inputs</source>
        <translation>{op} 노드는 입력을 받지 않습니다</translation>
    </message>
    <message>
        <source>op {op} has no port {port} (its ports: {ports})</source>
        <translation>연산 {op}에는 포트 {port}이(가) 없습니다 (포트: {ports})</translation>
    </message>
    <message>
        <source>missing input port {port} of op {op}</source>
        <translation>연산 {op}의 입력 포트 {port}이(가) 빠졌습니다</translation>
    </message>
    <message>
        <source>port {port} names unknown node {source}</source>
        <translation>포트 {port}이(가) 알 수 없는 노드 {source}을(를) 가리킵니다</translation>
    </message>
    <message>
        <source>port {port} takes the node&apos;s own output (a cycle)</source>
        <translation>포트 {port}이(가) 노드 자신의 출력을 받습니다 (순환)</translation>
    </message>
    <message>
        <source>node {source} feeds more than one port</source>
        <translation>노드 {source}이(가) 둘 이상의 포트로 들어갑니다</translation>
    </message>
    <message>
        <source>the graph has a cycle: {path}</source>
        <translation>그래프에 순환이 있습니다: {path}</translation>
    </message>
    <message>
        <source>the model has no loss node (half_sse, sse or mse)</source>
        <translation>모델에 손실 노드(half_sse, sse, mse)가 없습니다</translation>
    </message>
    <message>
        <source>the model has {count} loss nodes ({listed}); it needs exactly one</source>
        <translation>모델에 손실 노드가 {count}개 있습니다 ({listed}); 꼭 하나여야 합니다</translation>
    </message>
    <message>
        <source>a loss is a scalar and cannot feed another node</source>
        <translation>손실은 스칼라라서 다른 노드로 들어갈 수 없습니다</translation>
    </message>
    <message>
        <source>value must be a non-empty 1-D or 2-D array, got shape {shape}</source>
        <translation>value는 비어 있지 않은 1차원이나 2차원 배열이어야 합니다 (받은 모양: {shape})</translation>
    </message>
    <message>
        <source>shape must be one or two positive sizes, got {shape}</source>
        <translation>shape는 양의 크기 하나나 둘이어야 합니다 (받은 값: {shape})</translation>
    </message>
    <message>
        <source>a param needs a value, or a shape and an init</source>
        <translation>매개변수에는 value, 또는 shape와 init이 필요합니다</translation>
    </message>
    <message>
        <source>an {op} node needs a value</source>
        <translation>{op} 노드에는 value가 필요합니다</translation>
    </message>
    <message>
        <source>shape {shape} has a dimension past the limit {limit}</source>
        <translation>모양 {shape}의 차원이 한도 {limit}을(를) 넘습니다</translation>
    </message>
    <message>
        <source>the parameters hold {total} numbers; the limit is {limit}</source>
        <translation>매개변수의 수가 {total}개입니다; 한도는 {limit}개입니다</translation>
    </message>
    <message>
        <source>value holds a non-finite number (NaN or infinity)</source>
        <translation>value에 유한하지 않은 수(NaN 또는 무한대)가 있습니다</translation>
    </message>
    <message>
        <source>a bias must be a vector, got shape {shape}</source>
        <translation>편향은 벡터여야 합니다 (받은 모양: {shape})</translation>
    </message>
    <message>
        <source>used both as a bias and as a matrix</source>
        <translation>편향과 행렬로 함께 쓰였습니다</translation>
    </message>
    <message>
        <source>linear needs matrices, got x = {x} and w = {w}</source>
        <translation>linear에는 행렬이 필요합니다 (받은 값: x = {x}, w = {w})</translation>
    </message>
    <message>
        <source>Wᵀx needs W&apos;s rows to match x&apos;s rows: w = {w}, x = {x}</source>
        <translation>Wᵀx에는 W의 행 수가 x의 행 수와 같아야 합니다: w = {w}, x = {x}</translation>
    </message>
    <message>
        <source>bias {b} must have shape ({n},) to match w = {w}</source>
        <translation>편향 {b}의 모양은 w = {w}에 맞게 ({n},)이어야 합니다</translation>
    </message>
    <message>
        <source>prediction {pred} and target {target} differ in shape</source>
        <translation>예측 {pred}와(과) 목표 {target}의 모양이 다릅니다</translation>
    </message>
    <message>
        <source>does not lead to the loss {loss}</source>
        <translation>손실 {loss}(으)로 이어지지 않습니다</translation>
    </message>
    <message>
        <source>batch {batch} is past the limit {limit}</source>
        <translation>배치 {batch}이(가) 한도 {limit}을(를) 넘습니다</translation>
    </message>
    <message>
        <source>is an op node; its value comes from the engine</source>
        <translation>연산 노드입니다; 값은 엔진이 계산합니다</translation>
    </message>
    <message>
        <source>requires_grad is only for input and target nodes, not {op}</source>
        <translation>requires_grad는 input과 target 노드에만 쓸 수 있습니다({op}에는 쓸 수 없음)</translation>
    </message>
    <message>
        <source>requires_grad must be true or false, got {value}</source>
        <translation>requires_grad는 true 또는 false여야 합니다. 받은 값: {value}</translation>
    </message>
    <message>
        <source>{name} is not a regular file</source>
        <translation>{name}은(는) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{name} is {size} bytes; the limit is {limit}</source>
        <translation>{name}의 크기가 {size}바이트입니다; 한도는 {limit}바이트입니다</translation>
    </message>
    <message>
        <source>{name} is over {limit} bytes, the limit</source>
        <translation>{name}이(가) 한도인 {limit}바이트를 넘습니다</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text</source>
        <translation>{name}은(는) UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{where} is not valid JSON: {reason} at line {line}, column {column}</source>
        <translation>{where}은(는) 올바른 JSON이 아닙니다: {line}행 {column}열에서 {reason}</translation>
    </message>
    <message>
        <source>{where} is nested too deeply</source>
        <translation>{where}의 중첩이 너무 깊습니다</translation>
    </message>
    <message>
        <source>{where} cannot be read as JSON: {reason}</source>
        <translation>{where}을(를) JSON으로 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{key} must be a list of numbers or a list of rows, got {type}</source>
        <translation>{key}은(는) 수의 목록이나 행의 목록이어야 합니다 (받은 값: {type})</translation>
    </message>
    <message>
        <source>{key} has shape ({rows}, {columns}), past the limit {limit}</source>
        <translation>{key}의 모양 ({rows}, {columns})이(가) 한도 {limit}을(를) 넘습니다</translation>
    </message>
    <message>
        <source>{key} is ragged: its rows differ in length or depth</source>
        <translation>{key}의 행 길이나 깊이가 서로 다릅니다</translation>
    </message>
    <message>
        <source>{key} holds an integer too large for a floating-point number</source>
        <translation>{key}에 부동소수점 수로 나타내기에 너무 큰 정수가 있습니다</translation>
    </message>
    <message>
        <source>{key} holds true/false, not numbers</source>
        <translation>{key}에 수가 아닌 true/false가 있습니다</translation>
    </message>
    <message>
        <source>{key} holds something that is not a number</source>
        <translation>{key}에 수가 아닌 것이 있습니다</translation>
    </message>
    <message>
        <source>{key} must be a non-empty 1-D or 2-D array, got shape {shape}</source>
        <translation>{key}은(는) 비어 있지 않은 1차원이나 2차원 배열이어야 합니다 (받은 모양: {shape})</translation>
    </message>
    <message>
        <source>{key} holds {token}, which is not a finite number</source>
        <translation>{key}에 유한한 수가 아닌 {token}이(가) 있습니다</translation>
    </message>
    <message>
        <source>node #{number} is not an object</source>
        <translation>노드 #{number}이(가) 객체가 아닙니다</translation>
    </message>
    <message>
        <source>unknown key {key}</source>
        <translation>알 수 없는 키 {key}</translation>
    </message>
    <message>
        <source>op must be a string, got {op}</source>
        <translation>op은 문자열이어야 합니다 (받은 값: {op})</translation>
    </message>
    <message>
        <source>inputs must map port names to node ids</source>
        <translation>inputs는 포트 이름을 노드 id에 대응시켜야 합니다</translation>
    </message>
    <message>
        <source>shape must be a list of integers, got {shape}</source>
        <translation>shape는 정수의 목록이어야 합니다 (받은 값: {shape})</translation>
    </message>
    <message>
        <source>init must be an object</source>
        <translation>init은 객체여야 합니다</translation>
    </message>
    <message>
        <source>unsupported version {version} (this program reads version {supported})</source>
        <translation>지원하지 않는 버전 {version} (이 프로그램은 버전 {supported}을(를) 읽습니다)</translation>
    </message>
    <message>
        <source>the model file must hold a JSON object</source>
        <translation>모델 파일에는 JSON 객체가 있어야 합니다</translation>
    </message>
    <message>
        <source>format must be {expected}, got {format}</source>
        <translation>format은 {expected}여야 합니다 (받은 값: {format})</translation>
    </message>
    <message>
        <source>&apos;nodes&apos; must be a list</source>
        <translation>&apos;nodes&apos;는 목록이어야 합니다</translation>
    </message>
    <message>
        <source>the top-level key {key} holds a non-finite number (NaN or infinity)</source>
        <translation>최상위 키 {key}에 유한하지 않은 수(NaN 또는 무한대)가 있습니다</translation>
    </message>
    <message>
        <source>{where} holds a lone UTF-16 surrogate (not valid Unicode text) in {place}</source>
        <translation>{where}의 {place}에 짝 없는 UTF-16 서로게이트(올바른 유니코드 텍스트가 아님)가 있습니다</translation>
    </message>
    <message>
        <source>node #{number}</source>
        <translation>노드 #{number}</translation>
    </message>
    <message>
        <source>label</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>the model name</source>
        <translation>모델 이름</translation>
    </message>
    <message>
        <source>snapshot.json would hold {count} numbers, about {size}; a snapshot over {limit} could not be opened again, so none is written (export an earlier step or a smaller model)</source>
        <translation>snapshot.json에 수가 {count}개, 약 {size} 들어가게 됩니다; {limit}을(를) 넘는 스냅숏은 다시 열 수 없으므로 쓰지 않습니다 (더 이른 단계나 더 작은 모델을 내보내세요)</translation>
    </message>
    <message>
        <source>snapshot.json grew past {limit} while being written; a larger snapshot could not be opened again, so none is written (export an earlier step or a smaller model)</source>
        <translation>snapshot.json을 쓰는 동안 {limit}을(를) 넘었습니다; 더 큰 스냅숏은 다시 열 수 없으므로 쓰지 않습니다 (더 이른 단계나 더 작은 모델을 내보내세요)</translation>
    </message>
    <message>
        <source>snapshot step index {index} is not a step of this model (0…{total})</source>
        <translation>스냅숏의 단계 번호 {index}은(는) 이 모델의 단계가 아닙니다 (0…{total})</translation>
    </message>
    <message>
        <source>the model holds {total} numbers; code export stops at {limit} (the script would be huge)</source>
        <translation>모델에 수가 {total}개 있습니다; 코드 내보내기는 {limit}개까지입니다 (스크립트가 너무 커집니다)</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <source>{prefix}δ = {name} ({shape}), the gradient arriving at {node}</source>
        <translation type="vanished">{prefix}δ = {name} ({shape}), {node}에 도착하는 기울기</translation>
    </message>
    <message>
        <source>N = {n}, the number of elements of {node} (batch included)</source>
        <translation type="vanished">N = {n}, {node}의 원소 개수 (배치 포함)</translation>
    </message>
    <message>
        <source>s runs over the samples (the columns)</source>
        <translation type="vanished">s는 샘플(열)을 따라 갑니다</translation>
    </message>
    <message>
        <source>one sample: the outer product {factor} δᵀ, {shapes}</source>
        <translation type="vanished">샘플 하나: 외적 {factor} δᵀ, {shapes}</translation>
    </message>
    <message>
        <source>{count} samples: {factor} δᵀ = {sum}, a sum of outer products</source>
        <translation type="vanished">샘플 {count}개: {factor} δᵀ = {sum}, 외적들의 합</translation>
    </message>
    <message>
        <source>v = {v}; {grad} is now Jᵀv = {result}, J never built</source>
        <translation type="vanished">v = {v}; 이제 {grad}에는 Jᵀv = {result}가 들어 있고, J는 만들지 않았음</translation>
    </message>
    <message>
        <source>{grad} is now {result}</source>
        <translation type="vanished">이제 {grad}에는 {result}가 들어 있음</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>The lecture&apos;s toy network: X (3) → W₁ → W₂ → W₃ → Ŷ (2), ½ SSE</source>
        <translation>강의의 Toy Example 신경망: X (3) → W₁ → W₂ → W₃ → Ŷ (2), ½ SSE</translation>
    </message>
    <message>
        <source>The toy network with a batch of four samples as columns</source>
        <translation>Toy Example 신경망에 샘플 네 개를 열로 담은 배치</translation>
    </message>
    <message>
        <source>The lecture&apos;s slide: Ŷ = Wᵀ H with W of 3×2</source>
        <translation>강의 슬라이드: Ŷ = Wᵀ H, W는 3×2</translation>
    </message>
    <message>
        <source>A deep chain with sigmoid activations (기울기 소실, gradient vanishing)</source>
        <translation>시그모이드 활성함수의 깊은 사슬 (기울기 소실)</translation>
    </message>
    <message>
        <source>The same deep chain with ReLU activations</source>
        <translation>같은 깊은 사슬, 활성함수는 ReLU</translation>
    </message>
    <message>
        <source>Learning lab: 1 → 8 tanh → 1 fits sin(1.5x); train 500 iterations at η 0.02 (loss 3.29 → 0.022)</source>
        <translation>학습 실험실: 1 → 8 tanh → 1이 sin(1.5x)에 맞춰집니다. η 0.02로 500번 학습 (손실 3.29 → 0.022)</translation>
    </message>
    <message>
        <source>Learning lab: 6 sigmoid layers; train 500 at η 0.01: ‖∂L/∂W₁‖ ≈ ‖∂L/∂W₆‖ / 400, the loss stalls</source>
        <translation type="vanished">학습 실험실: 시그모이드 층 6개. η 0.01로 500번 학습: ‖∂L/∂W₁‖ ≈ ‖∂L/∂W₆‖ / 400, 손실이 줄지 않습니다</translation>
    </message>
    <message>
        <source>Learning lab: 6 sigmoid layers; train 500 at η 0.01: ‖∂L/∂W₁‖ starts at 1/400 of ‖∂L/∂W₆‖; after 10 iterations every gradient is small and the loss stalls near 8</source>
        <translation>학습 실험실: 시그모이드 층 6개. η 0.01로 500번 학습: ‖∂L/∂W₁‖은 처음에 ‖∂L/∂W₆‖의 1/400이고, 10번째 반복부터는 모든 변화도가 작아 손실이 8 근처에서 멈춥니다</translation>
    </message>
    <message>
        <source>Learning lab: the same 6 layers and weights with ReLU; train 500 at η 0.01: the loss falls to 0.09</source>
        <translation>학습 실험실: 같은 6개 층과 가중치에 ReLU. η 0.01로 500번 학습: 손실이 0.09까지 줄어듭니다</translation>
    </message>
    <message>
        <source>The lecture&apos;s toy network (H₁ = W₁ᵀX, H₂ = W₂ᵀH₁, Ŷ = W₃ᵀH₂, L = ½Σ(Ŷ−Y)²)</source>
        <translation>강의의 Toy Example 신경망 (H₁ = W₁ᵀX, H₂ = W₂ᵀH₁, Ŷ = W₃ᵀH₂, L = ½Σ(Ŷ−Y)²)</translation>
    </message>
    <message>
        <source>The toy network with a batch of four samples</source>
        <translation>샘플 네 개를 한 배치로 받는 Toy Example 신경망</translation>
    </message>
    <message>
        <source>One layer: Ŷ = Wᵀ H with W of 3×2</source>
        <translation>층 하나: Ŷ = Wᵀ H, W는 3×2</translation>
    </message>
    <message>
        <source>A deep sigmoid chain (기울기 소실: gradients shrink towards the input)</source>
        <translation>깊은 시그모이드 사슬 (기울기 소실: 입력 쪽으로 갈수록 변화도가 작아집니다)</translation>
    </message>
    <message>
        <source>The same deep chain with ReLU</source>
        <translation>같은 깊은 사슬, ReLU</translation>
    </message>
    <message>
        <source>Regression: 1 → 8 tanh → 1 learns sin(1.5x) from 16 samples (train 500 iterations at lr 0.02)</source>
        <translation>회귀: 1 → 8 tanh → 1이 샘플 16개로 sin(1.5x)를 학습 (η 0.02로 500번 학습)</translation>
    </message>
    <message>
        <source>Lab: 6 sigmoid layers of 8, 16 samples (train 500 at lr 0.01: ‖∂L/∂W₁‖ starts at 1/400 of ‖∂L/∂W₆‖; after 10 iterations every gradient is small and the loss stalls near 8)</source>
        <translation>실험실: 너비 8의 시그모이드 층 6개, 샘플 16개 (η 0.01로 500번 학습: ‖∂L/∂W₁‖은 처음에 ‖∂L/∂W₆‖의 1/400이고, 10번째 반복부터는 모든 변화도가 작아 손실이 8 근처에서 멈춥니다)</translation>
    </message>
    <message>
        <source>Lab: 6 sigmoid layers of 8, 16 samples (train 500 at lr 0.01: ‖∂L/∂W₁‖ vanishes, the loss stalls)</source>
        <translation type="vanished">실험실: 너비 8의 시그모이드 층 6개, 샘플 16개 (η 0.01로 500번 학습: ‖∂L/∂W₁‖이 사라지고 손실이 줄지 않습니다)</translation>
    </message>
    <message>
        <source>Lab: the same 6 layers with ReLU (train 500 at lr 0.01: gradients reach W₁, the loss falls)</source>
        <translation>실험실: 같은 6개 층에 ReLU (η 0.01로 500번 학습: 변화도가 W₁까지 닿고 손실이 줄어듭니다)</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Writing {what}…</source>
        <translation>{what} 쓰는 중…</translation>
    </message>
    <message>
        <source>Export to {folder} failed: {error}</source>
        <translation>{folder}(으)로 내보내기 실패: {error}</translation>
    </message>
    <message>
        <source>Exported {names} to {folder}</source>
        <translation>{names}을(를) {folder}에 내보냈습니다</translation>
    </message>
    <message>
        <source>Export derivation into folder</source>
        <translation>유도 과정을 내보낼 폴더</translation>
    </message>
    <message>
        <source>Export code into folder</source>
        <translation>코드를 내보낼 폴더</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>{path} is a folder</source>
        <translation>{path}은(는) 폴더입니다</translation>
    </message>
    <message>
        <source>{path} is not a regular file</source>
        <translation>{path}은(는) 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>cannot open the file for writing</source>
        <translation type="vanished">파일을 쓰기용으로 열 수 없습니다</translation>
    </message>
    <message>
        <source>the disk took only part of it</source>
        <translation type="vanished">디스크에 일부만 기록되었습니다</translation>
    </message>
    <message>
        <source>the file could not be replaced</source>
        <translation type="vanished">파일을 교체할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>GradNormPlot</name>
    <message>
        <source>layer (depth from the input)</source>
        <translation>층 (입력에서부터의 깊이)</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation>‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>iteration (반복)</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>Run the backward pass (역전파) to see each layer&apos;s ‖∂L/∂W‖</source>
        <translation>역전파를 실행하면 층마다 ‖∂L/∂W‖가 보입니다</translation>
    </message>
    <message>
        <source>no backward pass yet</source>
        <translation>아직 역전파 없음</translation>
    </message>
    <message>
        <source>This pass: ‖∂L/∂W‖ shrinks {ratio}× from the last layer back to the first (기울기 소실)</source>
        <translation>이번 계산: ‖∂L/∂W‖가 마지막 층에서 첫 층으로 가며 {ratio}배 줄어듭니다 (기울기 소실)</translation>
    </message>
    <message>
        <source>This pass: ‖∂L/∂W‖ of each layer</source>
        <translation>이번 계산: 층마다의 ‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>This pass, by depth</source>
        <translation>이번 계산, 깊이별</translation>
    </message>
    <message>
        <source>Over iterations (last run)</source>
        <translation>반복에 따라 (마지막 학습)</translation>
    </message>
</context>
<context>
    <name>GraphItems</name>
    <message>
        <source>scalar</source>
        <translation>스칼라</translation>
    </message>
</context>
<context>
    <name>Guard</name>
    <message>
        <source>internal error in {where}: {reason}; the program keeps running</source>
        <translation>내부 오류 ({where}): {reason}. 프로그램은 계속 실행됩니다</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Outputs of this layer (the columns of its W); the next W follows</source>
        <translation>이 층의 출력 개수 (W의 열). 다음 W도 따라 바뀝니다</translation>
    </message>
    <message>
        <source>none</source>
        <translation type="vanished">없음</translation>
    </message>
    <message>
        <source>none (no node)</source>
        <translation>없음 (노드 없음)</translation>
    </message>
    <message>
        <source>No activation node: the layer&apos;s output H goes straight on</source>
        <translation>활성화 노드 없음: 층의 출력 H가 그대로 다음으로 갑니다</translation>
    </message>
    <message>
        <source>A node that passes H on unchanged: the same numbers as none, with one more step whose local Jacobian is the identity I</source>
        <translation>H를 그대로 넘기는 노드: 없음과 같은 수이지만, 국소 야코비안이 단위행렬 I인 단계가 하나 더 있습니다</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>편향 b</translation>
    </message>
    <message>
        <source>width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성함수</translation>
    </message>
    <message>
        <source>Edit values…</source>
        <translation>값 편집…</translation>
    </message>
    <message>
        <source>Edit this matrix in a table (a non-number is refused)</source>
        <translation>이 행렬을 표에서 편집합니다 (수가 아닌 값은 거부됩니다)</translation>
    </message>
    <message>
        <source>Compute ∂L/∂ of this input or target in the backward pass, as X.requires_grad_() does in PyTorch; data needs no gradient to learn, so it is off by default</source>
        <translation>역전파에서 이 입력이나 목표값의 ∂L/∂을 계산합니다(PyTorch의 X.requires_grad_()와 같음). 학습에는 데이터의 변화도가 필요 없으므로 기본값은 꺼짐입니다</translation>
    </message>
    <message>
        <source>Which local derivative to show: ∂(op)/∂(its input)</source>
        <translation>보여 줄 국소 미분: ∂(연산)/∂(그 입력)</translation>
    </message>
    <message>
        <source>Local derivative:</source>
        <translation>국소 미분:</translation>
    </message>
    <message>
        <source>Value · 값</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Gradient · 변화도</source>
        <translation>변화도</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>검사기</translation>
    </message>
    <message>
        <source>gradient known (변화도)</source>
        <translation>변화도 계산됨</translation>
    </message>
    <message>
        <source>Gradient · 기울기</source>
        <translation type="vanished">기울기</translation>
    </message>
    <message>
        <source>Jacobian · 야코비안</source>
        <translation>야코비안</translation>
    </message>
    <message>
        <source>Breakdown · 텐서곱</source>
        <translation>텐서곱 분해</translation>
    </message>
    <message>
        <source>Derivation · 유도</source>
        <translation>유도</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>gives {name}</source>
        <translation>{name}을(를) 줌</translation>
    </message>
    <message>
        <source>Drawing {tab}…</source>
        <translation>{tab} 그리는 중…</translation>
    </message>
    <message>
        <source>Click a node on the canvas or pick one from the list.</source>
        <translation>캔버스의 노드를 클릭하거나 목록에서 고르세요.</translation>
    </message>
    <message>
        <source>gradient known (기울기)</source>
        <translation type="vanished">기울기 계산됨</translation>
    </message>
    <message>
        <source>value known; no gradient: requires_grad is off, as for data in PyTorch</source>
        <translation>값을 앎; 변화도 없음: PyTorch의 데이터처럼 requires_grad가 꺼져 있음</translation>
    </message>
    <message>
        <source>value known (순전파)</source>
        <translation>값 계산됨 (순전파)</translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation>아직 도달하지 않음</translation>
    </message>
    <message>
        <source>Layer {number}: {formula}</source>
        <translation>{number}번째 층: {formula}</translation>
    </message>
    <message>
        <source>, then {formula}</source>
        <translation>, 이어서 {formula}</translation>
    </message>
    <message>
        <source>Select a node to see its numbers.</source>
        <translation>노드를 선택하면 그 값을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{what} is not reached yet: the forward pass computes it at step {at}.</source>
        <translation>{what}에는 아직 도달하지 않았습니다: 순전파가 {at}단계에서 계산합니다.</translation>
    </message>
    <message>
        <source>{what} is not reached yet: the backward pass computes it at step {at}.</source>
        <translation>{what}에는 아직 도달하지 않았습니다: 역전파가 {at}단계에서 계산합니다.</translation>
    </message>
    <message>
        <source>No node is selected: click one on the canvas to see its local derivatives.</source>
        <translation>선택한 노드가 없습니다: 캔버스에서 노드를 눌러 국소 미분을 보세요.</translation>
    </message>
    <message>
        <source>This node has no local derivatives.</source>
        <translation>이 노드에는 국소 미분이 없습니다.</translation>
    </message>
    <message>
        <source>{title} would hold {size} numbers ({shape}), past the budget of {budget}. The backward pass never builds it: it uses Jᵀ v.</source>
        <translation>{title}은(는) {size}개의 수 ({shape})로, 한도 {budget}을(를) 넘습니다. 역전파는 이것을 만들지 않고 Jᵀ v를 씁니다.</translation>
    </message>
    <message>
        <source>Building {title} ({size} numbers)…</source>
        <translation>{title} 만드는 중 ({size}개의 수)…</translation>
    </message>
    <message>
        <source>Building {title}…</source>
        <translation>{title} 만드는 중…</translation>
    </message>
    <message>
        <source>The breakdown of {wrt} through {out} needs the upstream gradient {upstream}: the backward pass (역전파) computes it at step {at} of {total}.</source>
        <translation>{out}을(를) 거치는 {wrt}의 분해에는 위쪽에서 온 변화도 {upstream}이(가) 필요합니다: 역전파가 전체 {total}단계 중 {at}단계에서 계산합니다.</translation>
    </message>
    <message>
        <source>Contracting the Jacobian…</source>
        <translation>야코비안 행렬 축약 중…</translation>
    </message>
    <message>
        <source>Cancelled. Pick the tab again to rebuild it.</source>
        <translation>취소했습니다. 다시 만들려면 탭을 다시 고르세요.</translation>
    </message>
    <message>
        <source>Select a node to see how its gradient is derived.</source>
        <translation>노드를 선택하면 그 변화도가 어떻게 유도되는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Deriving {name}…</source>
        <translation>{name} 유도 중…</translation>
    </message>
</context>
<context>
    <name>JacobianView</name>
    <message>
        <source>output element </source>
        <translation>출력 원소 </translation>
    </message>
    <message>
        <source>the first output element on the page</source>
        <translation>이 페이지의 첫 출력 원소</translation>
    </message>
    <message>
        <source>previous {count} output elements</source>
        <translation>이전 출력 원소 {count}개</translation>
    </message>
    <message>
        <source>next {count} output elements</source>
        <translation>다음 출력 원소 {count}개</translation>
    </message>
    <message>
        <source>nothing selected</source>
        <translation>선택한 것 없음</translation>
    </message>
    <message>
        <source>{whole}: {shape}, one matrix shaped like {name} (the input is a scalar)</source>
        <translation>{whole}: {shape}, {name} 모양의 행렬 하나 (입력이 스칼라)</translation>
    </message>
    <message>
        <source>{whole}: {shape}, one slice shaped like {name} (the output is a scalar)</source>
        <translation>{whole}: {shape}, {name} 모양의 조각 하나 (출력이 스칼라)</translation>
    </message>
    <message>
        <source>{whole}: {shape} = 1 slice of {slice}</source>
        <translation>{whole}: {shape} = {slice} 조각 1개</translation>
    </message>
    <message>
        <source>{whole}: {shape} = {count} slices of {slice}</source>
        <translation>{whole}: {shape} = {slice} 조각 {count}개</translation>
    </message>
    <message>
        <source>index</source>
        <translation>인덱스</translation>
    </message>
    <message>
        <source>showing {names}</source>
        <translation>{names} 표시 중</translation>
    </message>
</context>
<context>
    <name>LazyDock</name>
    <message>
        <source>Drawing…</source>
        <extracomment>In a dock of the learning lab until its plot is drawn, just after the window shows itself.</extracomment>
        <translation>그리는 중…</translation>
    </message>
</context>
<context>
    <name>LearningLab</name>
    <message>
        <source>Apply update (경사 하강법)</source>
        <translation>갱신 적용 (경사 하강법)</translation>
    </message>
    <message>
        <source>Train (반복)…</source>
        <translation type="vanished">학습 (반복)…</translation>
    </message>
    <message>
        <source>Run N iterations of gradient descent (경사 하강법) in the background</source>
        <translation>경사 하강법을 N번 반복해 백그라운드에서 실행합니다</translation>
    </message>
    <message>
        <source>Export plots (손실 · 기울기)…</source>
        <translation type="vanished">그래프 내보내기 (손실 · 기울기)…</translation>
    </message>
    <message>
        <source>Train (학습)…</source>
        <translation>학습…</translation>
    </message>
    <message>
        <source>Export plots (손실 · 변화도)…</source>
        <translation>그래프 내보내기 (손실 · 변화도)…</translation>
    </message>
    <message>
        <source>Write loss, gradient_norms and activations as PNG and SVG into a folder</source>
        <translation>loss, gradient_norms, activations 그래프를 PNG와 SVG로 폴더에 씁니다</translation>
    </message>
    <message>
        <source>Update (경사 하강법): W ← W − η ∂L/∂W</source>
        <translation>갱신 (경사 하강법): W ← W − η ∂L/∂W</translation>
    </message>
    <message>
        <source>Loss (손실)</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ (기울기 소실)</source>
        <translation>‖∂L/∂W‖ (기울기 소실)</translation>
    </message>
    <message>
        <source>Activations (활성함수)</source>
        <translation>활성함수</translation>
    </message>
    <message>
        <source>Learning lab</source>
        <translation>학습 실험실</translation>
    </message>
    <message>
        <source>Apply update needs the backward pass to the end: every ∂L/∂W</source>
        <translation>갱신 적용에는 끝까지 간 역전파, 곧 모든 ∂L/∂W가 필요합니다</translation>
    </message>
    <message>
        <source>Apply update refused: {error}</source>
        <translation>갱신 적용 거부: {error}</translation>
    </message>
    <message>
        <source>Apply update, η = {lr}</source>
        <translation>갱신 적용, η = {lr}</translation>
    </message>
    <message>
        <source>Applied W ← W − η ∂L/∂W with η = {lr}; loss before: L = {loss}; run the forward pass (순전파)</source>
        <translation>η = {lr}(으)로 W ← W − η ∂L/∂W를 적용했습니다; 이전 손실: L = {loss}; 순전파를 실행하세요</translation>
    </message>
    <message>
        <source>loss before the update {before} → after: run the forward pass  </source>
        <translation>갱신 전 손실 {before} → 갱신 후: 순전파를 실행하세요  </translation>
    </message>
    <message>
        <source>loss before the update {before} → after {after}  </source>
        <translation>갱신 전 손실 {before} → 갱신 후 {after}  </translation>
    </message>
    <message>
        <source>Run the backward pass (역전파) to the end, then Apply update: W ← W − η ∂L/∂W</source>
        <translation>역전파를 끝까지 실행한 뒤 갱신을 적용하세요: W ← W − η ∂L/∂W</translation>
    </message>
    <message>
        <source>With this learning rate the update would not be finite: try a smaller η</source>
        <translation>이 학습률로는 갱신 값이 유한하지 않습니다: 더 작은 η를 쓰세요</translation>
    </message>
    <message>
        <source>The model has no parameter to update</source>
        <translation>모델에 갱신할 파라미터가 없습니다</translation>
    </message>
    <message>
        <source>W ← W − η ∂L/∂W for every parameter at once (경사 하강법); undoable</source>
        <translation>모든 파라미터에 한꺼번에 W ← W − η ∂L/∂W (경사 하강법); 되돌릴 수 있습니다</translation>
    </message>
    <message>
        <source>Run the backward pass (역전파) to the end first: the update needs ∂L/∂W of every parameter</source>
        <translation>먼저 역전파를 끝까지 실행하세요: 갱신에는 모든 파라미터의 ∂L/∂W가 필요합니다</translation>
    </message>
    <message>
        <source>Export of the plots to {folder} failed: {error}</source>
        <translation>그래프를 {folder}(으)로 내보내지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Exported {names} to {folder}</source>
        <translation>{names}을(를) {folder}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Export plots into folder</source>
        <translation>그래프를 내보낼 폴더</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation type="vanished">학습(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>합성함수 (composite function): {composition}</source>
        <translation>합성함수: {composition}</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>인수</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>모양</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>closed form</source>
        <translation>닫힌 형태</translation>
    </message>
    <message>
        <source>변화도 (gradient)</source>
        <translation>변화도</translation>
    </message>
    <message>
        <source>start: v = ∂L/∂L = 1</source>
        <translation>시작: v = ∂L/∂L = 1</translation>
    </message>
    <message>
        <source>The full Jacobians along the chain would hold {dense} numbers; the vector-Jacobian products produce {vjp}.</source>
        <translation>연쇄를 따라 야코비안 행렬을 모두 만들면 수가 {dense}개이지만, 벡터-야코비안 곱은 {vjp}개만 만듭니다.</translation>
    </message>
    <message>
        <source>Forward mode (from {node} towards L, a Jacobian for every element of {node}) costs about {forward} multiplications; reverse mode (from L, one vector at a time) about {reverse}. Autograd runs in reverse because the loss is one number.</source>
        <translation type="vanished">전방 모드({node}에서 L 쪽으로, {node}의 원소마다 야코비안 행렬 하나)는 곱셈이 약 {forward}번, 역방향 모드(L에서 시작해 한 번에 벡터 하나)는 약 {reverse}번 듭니다. 손실이 수 하나이므로 autograd는 역방향으로 계산합니다.</translation>
    </message>
    <message>
        <source>As dense matrix products, forward mode (from {node} towards L, a Jacobian for every element of {node}) costs {forward} multiply-adds; reverse mode (from L, one row vector at a time) {reverse}; the seed ∂L/∂L = 1 is not counted.</source>
        <translation>조밀한 행렬곱으로 셈하면 전방 모드({node}에서 L 쪽으로, {node}의 원소마다 야코비안 행렬 하나)는 곱셈-덧셈 {forward}번, 역방향 모드(L에서 시작해 한 번에 행벡터 하나)는 {reverse}번 듭니다. 시작값 ∂L/∂L = 1을 곱하는 것은 세지 않습니다.</translation>
    </message>
    <message>
        <source>dense product</source>
        <translation>밀집 곱</translation>
    </message>
    <message>
        <source>backward pass</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>reshaped to the input ({shape}):</source>
        <translation>입력 모양({shape})으로 바꾸면:</translation>
    </message>
    <message>
        <source>The same product in PyTorch:</source>
        <translation>PyTorch로 쓴 같은 곱:</translation>
    </message>
    <message>
        <source>Collapsed:</source>
        <translation>정리하면:</translation>
    </message>
    <message>
        <source>{factor} δᵀ = Σₛ {low}ₛ δₛᵀ: one outer product per sample (column s), added.</source>
        <translation>{factor} δᵀ = Σₛ {low}ₛ δₛᵀ: 샘플(열 s)마다 외적 하나를 더합니다.</translation>
    </message>
    <message>
        <source>Sum:</source>
        <translation>합:</translation>
    </message>
    <message>
        <source>scalar by vector</source>
        <translation>스칼라를 벡터로 미분</translation>
    </message>
    <message>
        <source>scalar by matrix</source>
        <translation>스칼라를 행렬로 미분</translation>
    </message>
    <message>
        <source>vector by vector</source>
        <translation>벡터를 벡터로 미분</translation>
    </message>
    <message>
        <source>vector by matrix</source>
        <translation>벡터를 행렬로 미분</translation>
    </message>
    <message>
        <source>matrix by vector</source>
        <translation>행렬을 벡터로 미분</translation>
    </message>
    <message>
        <source>matrix by matrix</source>
        <translation>행렬을 행렬로 미분</translation>
    </message>
    <message>
        <source>scalar by scalar</source>
        <translation>스칼라를 스칼라로 미분</translation>
    </message>
    <message>
        <source>vector by scalar</source>
        <translation>벡터를 스칼라로 미분</translation>
    </message>
    <message>
        <source>matrix by scalar</source>
        <translation>행렬을 스칼라로 미분</translation>
    </message>
    <message>
        <source>The chain from the loss · 연쇄법칙</source>
        <translation>손실에서 시작하는 연쇄 · 연쇄법칙</translation>
    </message>
    <message>
        <source>∇ (나블라, nabla): the gradient, shaped like {node}.</source>
        <translation>∇ (나블라 또는 델): {node}와(과) 같은 모양의 변화도.</translation>
    </message>
    <message>
        <source>{at} also feeds {others}: their shares add to the gradient; this path is one of them.</source>
        <translation>{at}은(는) {others}에도 들어갑니다: 그 몫들이 변화도에 더해지며, 이 경로는 그중 하나입니다.</translation>
    </message>
    <message>
        <source>The backward pass: 벡터-야코비안 곱 (vector-Jacobian products), from the loss</source>
        <translation>역전파: 손실에서 시작하는 벡터-야코비안 곱</translation>
    </message>
    <message>
        <source>{result} = Jᵀ v with J = ∂{of}/∂{wrt}: {formula}  ({shape})</source>
        <translation>{result} = Jᵀ v, J = ∂{of}/∂{wrt}: {formula}  ({shape})</translation>
    </message>
    <message>
        <source>No factor is built as a full Jacobian: each step multiplies the gradient so far by one local Jacobian&apos;s transpose.</source>
        <translation>어떤 인수도 전체 야코비안 행렬로 만들지 않습니다: 각 단계는 지금까지의 변화도에 국소 야코비안 행렬 하나의 전치를 곱합니다.</translation>
    </message>
    <message>
        <source>What it costs</source>
        <translation>계산 비용</translation>
    </message>
    <message>
        <source>{mark} the product of the dense Jacobians (each flattened to m×n), multiplied left to right, equals the engine&apos;s {what}: max |Δ| = {diff}</source>
        <translation>{mark} 밀집 야코비안 행렬들(각각 m×n으로 펼침)을 왼쪽에서 오른쪽으로 곱한 결과가 엔진의 {what}와(과) 같습니다: 최대 |Δ| = {diff}</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>변화도</translation>
    </message>
    <message>
        <source>share of the gradient along this path</source>
        <translation>이 경로를 따른 변화도의 몫</translation>
    </message>
    <message>
        <source>The dense product is not formed: a factor is too large.</source>
        <translation>밀집 곱은 만들지 않습니다: 인수 하나가 너무 큽니다.</translation>
    </message>
    <message>
        <source>The forward pass by hand · 순전파</source>
        <translation>손으로 하는 순전파</translation>
    </message>
    <message>
        <source>{node}: written out once the forward pass has computed it (a linear layer of at most {terms} inputs).</source>
        <translation>{node}: 순전파가 계산한 뒤에 풀어 씁니다(입력이 {terms}개 이하인 선형 층).</translation>
    </message>
    <message>
        <source>… and {more} more, each the same.</source>
        <translation>… 그리고 같은 식이 {more}개 더.</translation>
    </message>
    <message>
        <source>Written out only for a linear layer with at most {limit} multiply-adds, once its value is known.</source>
        <translation type="vanished">곱셈-덧셈이 {limit}번 이하인 선형 층에 대해서만, 값이 계산된 뒤에 풀어 씁니다.</translation>
    </message>
    <message>
        <source>The Jacobian · 야코비안 행렬, and Jᵀv</source>
        <translation>야코비안 행렬과 Jᵀv</translation>
    </message>
    <message>
        <source>{symbol}: the m×n matrix is written out for at most {limit} elements, once its values are known.</source>
        <translation>{symbol}: m×n 행렬은 원소가 {limit}개 이하일 때, 값이 계산된 뒤에 풀어 씁니다.</translation>
    </message>
    <message>
        <source>Row i is ∇ᵀfᵢ, the transposed gradient of output element i; column k is input element k.</source>
        <translation>행 i는 ∇ᵀfᵢ, 곧 출력 원소 i의 변화도를 전치한 것이고, 열 k는 입력 원소 k입니다.</translation>
    </message>
    <message>
        <source>Flattening: matrices and batches are read row by row over (row, sample): element (i, s) of an n×B matrix is entry i·B + s.</source>
        <translation>펼치기: 행렬과 배치는 (행, 샘플) 순서로 한 행씩 읽습니다: n×B 행렬의 원소 (i, s)는 i·B + s번째 항목입니다.</translation>
    </message>
    <message>
        <source>Jᵀv needs v = ∂L/∂(output): the backward pass has not reached it yet.</source>
        <translation>Jᵀv에는 v = ∂L/∂(출력)이 필요합니다: 역전파가 아직 여기에 도달하지 않았습니다.</translation>
    </message>
    <message>
        <source>The contraction written out: a tensor product summed over the shared index</source>
        <translation>수식으로 이해하기: 공통 첨자에 대해 더한 텐서곱(축약)을 풀어 쓰기</translation>
    </message>
    <message>
        <source>The contraction written out · 텐서곱</source>
        <translation type="vanished">풀어 쓴 축약 · 텐서곱</translation>
    </message>
    <message>
        <source>{symbol}: written out for at most {limit} Jacobian elements, once the backward pass has reached it.</source>
        <translation>{symbol}: 야코비안 원소가 {limit}개 이하일 때, 역전파가 도달한 뒤에 풀어 씁니다.</translation>
    </message>
    <message>
        <source>… and {more} more elements, each the same sum.</source>
        <translation>… 그리고 원소 {more}개가 더 있으며, 모두 같은 꼴의 합입니다.</translation>
    </message>
    <message>
        <source>… and {more} more samples.</source>
        <translation>… 그리고 샘플 {more}개가 더 있습니다.</translation>
    </message>
    <message>
        <source>One sample: the outer product {factor} δᵀ.</source>
        <translation>샘플 하나: 외적 {factor} δᵀ.</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>iteration (반복)</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>loss L (손실)</source>
        <translation>손실 L</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Draw the loss on a logarithmic axis: late, small decreases stay visible</source>
        <translation>손실을 로그 축에 그립니다: 나중의 작은 감소도 보입니다</translation>
    </message>
    <message>
        <source>Train… to see the loss fall</source>
        <translation>학습…을 실행하면 손실이 줄어드는 것이 보입니다</translation>
    </message>
    <message>
        <source>Loss against iteration</source>
        <translation>반복에 따른 손실</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>단계(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Opening…</source>
        <extracomment>In the middle of the window for the moment it shows before the network is drawn in it.</extracomment>
        <translation>여는 중…</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>예제(&amp;X)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Clear recent files</source>
        <translation>최근 파일 목록 지우기</translation>
    </message>
    <message>
        <source>&amp;Export snapshot…</source>
        <translation>스냅샷 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Write snapshot.json, graph.png and graph.svg into a folder</source>
        <translation>snapshot.json, graph.png, graph.svg를 폴더에 씁니다</translation>
    </message>
    <message>
        <source>&amp;Copy graph image</source>
        <translation>그래프 이미지 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Back to step 0</source>
        <translation>0단계로 돌아갑니다</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Undo one step</source>
        <translation>한 단계 되돌립니다</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>One step: next node forward (순전파), then backward (역전파)</source>
        <translation>한 단계: 다음 노드로 순전파, 그다음 역전파</translation>
    </message>
    <message>
        <source>Run forward</source>
        <translation>순전파 실행</translation>
    </message>
    <message>
        <source>Run the forward pass to the loss</source>
        <translation>손실까지 순전파를 실행합니다</translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation>끝까지 실행</translation>
    </message>
    <message>
        <source>Run forward and backward to the end</source>
        <translation>순전파와 역전파를 끝까지 실행합니다</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Play or pause the steps</source>
        <translation>단계를 재생하거나 일시 정지합니다</translation>
    </message>
    <message>
        <source>Add layer before the output layer</source>
        <translation>출력층 앞에 층 추가</translation>
    </message>
    <message>
        <source>Insert layer before the selected one</source>
        <translation>선택한 층 앞에 층 삽입</translation>
    </message>
    <message>
        <source>− Remove layer</source>
        <translation>− 층 삭제</translation>
    </message>
    <message>
        <source>Remove the selected node&apos;s layer</source>
        <translation>선택한 노드의 층을 삭제합니다</translation>
    </message>
    <message>
        <source>&amp;Fit to view</source>
        <translation>화면에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>어두운 테마(&amp;D)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>The language changes when the explorer starts again.</source>
        <translation type="vanished">언어는 프로그램을 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <source>Reset settings</source>
        <translation>설정 초기화</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>정보(&amp;A)</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>검사기</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>노드</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>+ Layer</source>
        <translation>+ 층</translation>
    </message>
    <message>
        <source>Add a linear layer at the end (Ctrl+L) or before the selected layer</source>
        <translation>맨 끝(Ctrl+L)이나 선택한 층 앞에 선형 층을 추가합니다</translation>
    </message>
    <message>
        <source> Loss </source>
        <translation> 손실 </translation>
    </message>
    <message>
        <source>The loss: ½·SSE is the lecture&apos;s ½ Σ (Ŷ − Y)²</source>
        <translation>손실 함수: ½·SSE는 강의의 ½ Σ (Ŷ − Y)²입니다</translation>
    </message>
    <message>
        <source> Batch </source>
        <translation> 배치 </translation>
    </message>
    <message>
        <source>Samples per pass: the columns of X and Y</source>
        <translation>한 번에 계산하는 샘플 수: X와 Y의 열</translation>
    </message>
    <message>
        <source> speed </source>
        <translation> 속도 </translation>
    </message>
    <message>
        <source>Play speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <source>{speed} steps/s</source>
        <translation>초당 {speed}단계</translation>
    </message>
    <message>
        <source>Settings reset: the explorer starts with its defaults.</source>
        <translation>설정을 초기화했습니다: 프로그램이 기본 설정으로 시작합니다.</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>loss L = {value}</source>
        <translation>손실 L = {value}</translation>
    </message>
    <message>
        <source>loss: not computed yet</source>
        <translation>손실: 아직 계산하지 않음</translation>
    </message>
    <message>
        <source>Select a layer&apos;s node (its H, W or activation) first.</source>
        <translation>먼저 층의 노드(H, W 또는 활성함수)를 선택하세요.</translation>
    </message>
    <message>
        <source>Open model or snapshot</source>
        <translation>모델 또는 스냅샷 열기</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <source>Export snapshot into folder</source>
        <translation>스냅샷을 내보낼 폴더</translation>
    </message>
    <message>
        <source>Graph image copied to the clipboard</source>
        <translation>그래프 이미지를 클립보드에 복사했습니다</translation>
    </message>
    <message>
        <source>Exported snapshot.json, graph.png, graph.svg to {folder}</source>
        <translation>snapshot.json, graph.png, graph.svg를 {folder}에 내보냈습니다</translation>
    </message>
    <message>
        <source>Removed from the recent files, no longer found: {names}</source>
        <translation>더 이상 없는 파일을 최근 파일 목록에서 뺐습니다: {names}</translation>
    </message>
    <message>
        <source>Recovered {name}: save it to keep the edits</source>
        <translation>{name}을(를) 복구했습니다: 편집 내용을 유지하려면 저장하세요</translation>
    </message>
    <message>
        <source>Add layer before the output layer, then {activation}</source>
        <translation>출력층 앞에 층 추가, 이어서 {activation}</translation>
    </message>
    <message>
        <source>Export &amp;derivation…</source>
        <translation>유도 과정 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>Write derivation.md and derivation.tex (the chain rule at this step) into a folder</source>
        <translation>derivation.md와 derivation.tex(이 단계의 연쇄법칙)를 폴더에 씁니다</translation>
    </message>
    <message>
        <source>Export &amp;code…</source>
        <translation>코드 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Write model_numpy.py and model_torch.py into a folder</source>
        <translation>model_numpy.py와 model_torch.py를 폴더에 씁니다</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Large type, high contrast and the step&apos;s formula as a caption, for a projector (F5; Esc leaves)</source>
        <translation>큰 글씨, 높은 대비, 현재 단계의 수식을 자막으로: 프로젝터용 (F5; Esc로 나가기)</translation>
    </message>
    <message>
        <source>Lecture &amp;tour</source>
        <translation>강의 따라가기(&amp;T)</translation>
    </message>
    <message>
        <source>The lecture&apos;s &quot;Play with Toy Example&quot;, slide by slide (Page Down / Page Up; Esc leaves)</source>
        <translation>강의의 “Play with Toy Example”을 슬라이드마다 (Page Down / Page Up; Esc로 나가기)</translation>
    </message>
    <message>
        <source>Leave presentation or tour</source>
        <translation>발표 모드 또는 강의 따라가기 나가기</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>글자 크게(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>글자 작게(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Actual text size</source>
        <translation>글자 원래 크기(&amp;A)</translation>
    </message>
    <message>
        <source>Text size {percent} %</source>
        <translation>글자 크기 {percent}%</translation>
    </message>
</context>
<context>
    <name>MatrixEditor</name>
    <message>
        <source>{node}: “{text}” is not a finite number; {element} keeps {old}</source>
        <translation>{node}: “{text}”은(는) 유한한 수가 아닙니다. {element}은(는) {old}을(를) 유지합니다</translation>
    </message>
    <message>
        <source>Edit {name} ({shape})</source>
        <translation>{name} 편집 ({shape})</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>시드 </translation>
    </message>
    <message>
        <source>Randomise</source>
        <translation>무작위로 채우기</translation>
    </message>
    <message>
        <source>Fill with normal numbers (std 0.5) from this seed: the same seed gives the same numbers</source>
        <translation>이 시드로 정규분포 난수(표준편차 0.5)를 채웁니다: 같은 시드는 같은 수를 줍니다</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>0으로 채우기</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>hover a cell to read its exact value</source>
        <translation>칸 위에 마우스를 올리면 정확한 값을 볼 수 있습니다</translation>
    </message>
    <message>
        <source>Own maximum</source>
        <translation>자신의 최댓값</translation>
    </message>
    <message>
        <source>Shared across layers</source>
        <translation>층 사이에서 공유</translation>
    </message>
    <message>
        <source>Colour by this matrix&apos;s own maximum, or by one maximum shared across layers, so small gradients look small</source>
        <translation>이 행렬 자신의 최댓값, 또는 층들이 공유하는 최댓값 하나로 색을 칠합니다 (작은 변화도가 작게 보이도록)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Colour by sign·log₁₀(1 + |x| / floor): small and large magnitudes both show</source>
        <translation>sign·log₁₀(1 + |x| / 하한)으로 색을 칠합니다: 작은 크기와 큰 크기가 모두 보입니다</translation>
    </message>
    <message>
        <source>nothing selected</source>
        <translation>선택한 것 없음</translation>
    </message>
    <message>
        <source>gradient at </source>
        <translation>변화도: </translation>
    </message>
    <message>
        <source>index</source>
        <translation>인덱스</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>logistic sigmoid σ(x)</source>
        <translation>로지스틱 시그모이드 σ(x)</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>hyperbolic tangent</source>
        <translation>쌍곡탄젠트</translation>
    </message>
    <message>
        <source>relu</source>
        <translation>relu</translation>
    </message>
    <message>
        <source>rectified linear max(0, x)</source>
        <translation>정류 선형 함수 max(0, x)</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>리키 ReLU</translation>
    </message>
    <message>
        <source>leaky rectified linear max(0.01x, x)</source>
        <translation>리키 정류 선형 함수 max(0.01x, x)</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>항등</translation>
    </message>
    <message>
        <source>identity f(x) = x</source>
        <translation>항등 함수 f(x) = x</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>input data</source>
        <translation>입력 데이터</translation>
    </message>
    <message>
        <source>param</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>trainable parameter</source>
        <translation>학습되는 매개변수</translation>
    </message>
    <message>
        <source>target</source>
        <translation>목표값</translation>
    </message>
    <message>
        <source>target data</source>
        <translation>목표 데이터</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>Wᵀ x (+ b)</source>
        <translation>Wᵀ x (+ b)</translation>
    </message>
    <message>
        <source>½·SSE</source>
        <translation>½·SSE</translation>
    </message>
    <message>
        <source>½ Σ (Ŷ − Y)²</source>
        <translation>½ Σ (Ŷ − Y)²</translation>
    </message>
    <message>
        <source>SSE</source>
        <translation>SSE</translation>
    </message>
    <message>
        <source>Σ (Ŷ − Y)²</source>
        <translation>Σ (Ŷ − Y)²</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <source>mean (Ŷ − Y)²</source>
        <translation>평균 (Ŷ − Y)²</translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message>
        <source>Rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Row {row}, column {column}</source>
        <translation>{row}행 {column}열</translation>
    </message>
    <message>
        <source>{where} is empty: type a number there.</source>
        <translation>{where}이(가) 비어 있습니다: 숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>{where}: “{text}” is not a number. Nothing was checked; your entries are kept.</source>
        <translation>{where}: “{text}”는 숫자가 아닙니다. 채점하지 않았고, 입력한 값은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Practice (손으로 직접 구해보기)</source>
        <translation>연습 (손으로 직접 구해보기)</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>연습(&amp;P)</translation>
    </message>
    <message>
        <source>Practice: type what the next step computes, and be told what went wrong (Ctrl+Shift+P)</source>
        <translation>연습: 다음 단계가 계산할 값을 직접 입력하면 무엇이 틀렸는지 알려 줍니다 (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>The network was edited: the exercise&apos;s questions are put away.</source>
        <translation>네트워크가 편집되었습니다: 연습 문제는 치워 두었습니다.</translation>
    </message>
    <message>
        <source>The pass is done: Reset (Home) to practise it again.</source>
        <translation>순전파와 역전파가 끝났습니다: 처음으로(Home) 돌아가 다시 연습하세요.</translation>
    </message>
    <message>
        <source>This one is too large to type by hand: step on (→).</source>
        <translation>손으로 입력하기에는 너무 큽니다: 다음 단계로(→) 넘어가세요.</translation>
    </message>
    <message>
        <source>Type your answer: set the rows and columns, then a number per cell.</source>
        <translation>답을 입력하세요: 행과 열의 수를 정한 뒤 칸마다 숫자 하나씩.</translation>
    </message>
    <message>
        <source>{title} — {left} of {total} left</source>
        <translation>{title} — {total}문제 중 {left}문제 남음</translation>
    </message>
    <message>
        <source>Practice: compute it by hand</source>
        <translation>연습: 손으로 직접 구해보기</translation>
    </message>
    <message>
        <source>Score: {points} of {possible} points · {right} of {asked} right</source>
        <translation>점수: {possible}점 중 {points}점 · {asked}문제 중 {right}문제 정답</translation>
    </message>
    <message>
        <source>Right! +{points} points.</source>
        <translation>정답! +{points}점.</translation>
    </message>
    <message>
        <source>The answer is shown (no points). Skip goes on.</source>
        <translation>정답을 보여 줍니다 (점수 없음). 건너뛰기로 다음 문제로 갑니다.</translation>
    </message>
    <message>
        <source>not an exercise file</source>
        <translation>연습 문제 파일이 아닙니다</translation>
    </message>
    <message>
        <source>Cannot open {name}: {reason}</source>
        <translation>{name}을(를) 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>채점</translation>
    </message>
    <message>
        <source>Hint (−1 point)</source>
        <translation>힌트 (−1점)</translation>
    </message>
    <message>
        <source>Show answer</source>
        <translation>정답 보기</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Transposed: your answer is the transpose of the right one (h δᵀ written as δ hᵀ, or W used where Wᵀ belongs).</source>
        <translation>전치: 답이 정답의 전치행렬입니다 (h δᵀ를 δ hᵀ로 썼거나, Wᵀ 자리에 W를 썼습니다).</translation>
    </message>
    <message>
        <source>The ½ of the loss: your answer is twice or half the right one (the ½ of ½ Σ (Ŷ − Y)² dropped or doubled).</source>
        <translation>손실의 ½: 답이 정답의 두 배이거나 절반입니다 (½ Σ (Ŷ − Y)²의 ½을 빠뜨렸거나 두 번 곱했습니다).</translation>
    </message>
    <message>
        <source>The sign of the residual is flipped: you used Y − Ŷ where Ŷ − Y belongs, so every entry has the wrong sign.</source>
        <translation>잔차의 부호가 뒤집혔습니다: Ŷ − Y 자리에 Y − Ŷ를 써서 모든 원소의 부호가 반대입니다.</translation>
    </message>
    <message>
        <source>Another layer&apos;s activation: you used the values of another layer (e.g. H₁ where H₂ belongs).</source>
        <translation>다른 층의 활성값: 다른 층의 값을 썼습니다 (예: H₂ 자리에 H₁).</translation>
    </message>
    <message>
        <source>The shape is wrong: the answer is {expected}, you gave {given} (a row where a column belongs?).</source>
        <translation>모양이 틀렸습니다: 정답은 {expected}인데 {given}을(를) 입력했습니다 (열벡터 자리에 행벡터?).</translation>
    </message>
    <message>
        <source>The activation&apos;s derivative is left out: multiply by σ′, tanh′ or the ReLU mask on the way back.</source>
        <translation>활성함수의 미분을 빠뜨렸습니다: 역전파할 때 σ′, tanh′ 또는 ReLU 마스크를 곱하세요.</translation>
    </message>
    <message>
        <source>Not quite: {count} of {total} entries are wrong (coloured).</source>
        <translation>아직 아닙니다: {total}개 원소 중 {count}개가 틀렸습니다 (색칠된 칸).</translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation>답하지 않았습니다.</translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation>스칼라</translation>
    </message>
    <message>
        <source>Compute the value of {name}.</source>
        <translation>{name}의 값을 구하세요.</translation>
    </message>
    <message>
        <source>Compute the gradient ∂L/∂{name}.</source>
        <translation>변화도 ∂L/∂{name}을(를) 구하세요.</translation>
    </message>
    <message>
        <source>Compute the Jacobian ∂{name}/∂{wrt}, one row per output element.</source>
        <translation>야코비안 행렬 ∂{name}/∂{wrt}을(를) 구하세요 (출력 원소마다 행 하나).</translation>
    </message>
    <message>
        <source>Compute one element: ∂L/∂{name} at ({index}).</source>
        <translation>원소 하나를 구하세요: ∂L/∂{name}의 ({index}) 원소.</translation>
    </message>
    <message>
        <source>Compute one element: {name} at ({index}).</source>
        <translation>원소 하나를 구하세요: {name}의 ({index}) 원소.</translation>
    </message>
    <message>
        <source>Hint 1, the formula: {formula}</source>
        <translation>힌트 1, 수식: {formula}</translation>
    </message>
    <message>
        <source>Hint 2, the shapes: {shapes}</source>
        <translation>힌트 2, 모양: {shapes}</translation>
    </message>
    <message>
        <source>Hint 3, one element worked out: {element}</source>
        <translation>힌트 3, 원소 하나 풀이: {element}</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Ready: → steps the forward pass (순전파)</source>
        <translation>준비: →로 순전파를 한 단계씩</translation>
    </message>
</context>
<context>
    <name>RateSpinBox</name>
    <message>
        <source>The learning rate η (학습률) of W ← W − η ∂L/∂W</source>
        <translation>W ← W − η ∂L/∂W의 학습률 η</translation>
    </message>
</context>
<context>
    <name>RichMath</name>
    <message>
        <source>showing {shown_rows} of {rows} rows and {shown_columns} of {columns} columns</source>
        <translation>{rows}행 중 {shown_rows}행, {columns}열 중 {shown_columns}열 표시</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Settings cannot be kept: {path} is in the way</source>
        <translation>설정을 저장할 수 없습니다: {path}이(가) 자리를 막고 있습니다</translation>
    </message>
    <message>
        <source>{name} was not a lock: it was set aside</source>
        <translation>{name}은(는) 잠금 파일이 아니어서 옮겨 두었습니다</translation>
    </message>
    <message>
        <source>Settings cannot be kept: {path} is not a folder</source>
        <translation>설정을 저장할 수 없습니다: {path}은(는) 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>Settings cannot be kept: {path}: {reason}</source>
        <translation>설정을 저장할 수 없습니다: {path}: {reason}</translation>
    </message>
    <message>
        <source>Settings cannot be used ({why}) nor set aside ({reason}): defaults this time</source>
        <translation>설정 파일을 쓸 수도({why}) 옮겨 둘 수도({reason}) 없습니다: 이번에는 기본값을 씁니다</translation>
    </message>
    <message>
        <source>The settings file could not be used ({why}): it was set aside as {name}; defaults are used</source>
        <translation>설정 파일을 쓸 수 없어({why}) {name}(으)로 옮겨 두었습니다; 기본값을 씁니다</translation>
    </message>
</context>
<context>
    <name>StepHeader</name>
    <message>
        <source>the input (data)</source>
        <translation>입력 (데이터)</translation>
    </message>
    <message>
        <source>a parameter, learned by 경사 하강법 (gradient descent)</source>
        <translation>경사 하강법으로 학습하는 파라미터</translation>
    </message>
    <message>
        <source>the target the output should match</source>
        <translation>출력이 맞춰야 할 목표값</translation>
    </message>
    <message>
        <source>the output of a linear layer, one column per sample</source>
        <translation>선형 층의 출력, 샘플마다 열 하나</translation>
    </message>
    <message>
        <source>the loss, a scalar</source>
        <translation>손실, 스칼라</translation>
    </message>
    <message>
        <source>{op} applied element by element to {x}</source>
        <translation>{x}의 원소마다 {op}을(를) 적용</translation>
    </message>
    <message>
        <source>{name} ({shape}): the gradient (변화도) of the loss with respect to {node}, shaped like {node}</source>
        <translation>{name} ({shape}): {node}에 대한 손실의 변화도, {node}와(과) 같은 모양</translation>
    </message>
    <message>
        <source>{name} ({shape}): the gradient (기울기) of the loss with respect to {node}, shaped like {node}</source>
        <translation type="vanished">{name} ({shape}): {node}에 대한 손실의 기울기, {node}와 같은 모양</translation>
    </message>
    <message>
        <source>Ready · 0/{total}</source>
        <translation>준비 · 0/{total}</translation>
    </message>
    <message>
        <source>Step to begin the forward pass (순전파)</source>
        <translation>한 단계 진행하면 순전파가 시작됩니다</translation>
    </message>
    <message>
        <source>Forward {index}/{total} · 순전파</source>
        <translation>순전파 {index}/{total}</translation>
    </message>
    <message>
        <source>Backward {index}/{total} · 역전파</source>
        <translation>역전파 {index}/{total}</translation>
    </message>
    <message>
        <source>where</source>
        <translation>여기서</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>Practice this</source>
        <translation>직접 풀어 보기</translation>
    </message>
    <message>
        <source>Compute what this stop shows by hand</source>
        <translation>이 장면이 보여 주는 값을 손으로 구해 보기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>After the slides</source>
        <translation>슬라이드 다음</translation>
    </message>
    <message>
        <source>Stop {number}/{count}</source>
        <translation>{number}/{count}번째</translation>
    </message>
    <message>
        <source>Lecture tour: next stop</source>
        <translation>강의 따라가기: 다음</translation>
    </message>
    <message>
        <source>Lecture tour: previous stop</source>
        <translation>강의 따라가기: 이전</translation>
    </message>
    <message>
        <source>Lecture tour · 강의 따라가기</source>
        <translation>강의 따라가기</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <source>Train: gradient descent (경사 하강법)</source>
        <translation>학습: 경사 하강법</translation>
    </message>
    <message>
        <source>Iterations (반복) of forward, backward and update</source>
        <translation>순전파, 역전파, 갱신의 반복 횟수</translation>
    </message>
    <message>
        <source>Heavy-ball momentum μ: v ← μ v + ∂L/∂W, W ← W − η v; 0 is plain gradient descent</source>
        <translation>모멘텀 μ: v ← μ v + ∂L/∂W, W ← W − η v; 0이면 보통의 경사 하강법</translation>
    </message>
    <message>
        <source>Momentum is an extra, not in the lecture: leave it at 0 for the lecture&apos;s plain gradient descent.</source>
        <translation>모멘텀은 강의에 없는 추가 기능입니다: 강의의 경사 하강법을 쓰려면 0으로 두세요.</translation>
    </message>
    <message>
        <source>Iterations N</source>
        <translation>반복 횟수 N</translation>
    </message>
    <message>
        <source>Learning rate (학습률)</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Momentum μ (extra)</source>
        <translation>모멘텀 μ (추가 기능)</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>시작하지 않음</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop after the current iteration; then keep or discard the weights reached</source>
        <translation>지금 반복이 끝나면 멈춥니다; 그다음 도달한 가중치를 남길지 버릴지 고릅니다</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Iteration (반복) {i} of {n}: loss L (손실) = {loss}</source>
        <translation>반복 {i}/{n}: 손실 L = {loss}</translation>
    </message>
</context>
<context>
    <name>TrainingRuns</name>
    <message>
        <source>Training refused: {error}</source>
        <translation>학습 거부: {error}</translation>
    </message>
    <message>
        <source>Training {n} iterations with η = {lr} in the background…</source>
        <translation>η = {lr}(으)로 {n}번 반복 학습을 백그라운드에서 실행하는 중…</translation>
    </message>
    <message>
        <source>{n} iterations, η = {lr}</source>
        <translation>{n}번 반복, η = {lr}</translation>
    </message>
    <message>
        <source>, momentum μ = {m} (extra)</source>
        <translation>, 모멘텀 μ = {m} (추가 기능)</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>학습 실패: {error}</translation>
    </message>
    <message>
        <source>loss {first} → {last}</source>
        <translation>손실 {first} → {last}</translation>
    </message>
    <message>
        <source>Train {n} iterations, η = {lr}</source>
        <translation>{n}번 반복 학습, η = {lr}</translation>
    </message>
    <message>
        <source>Trained {n} iterations: {losses}</source>
        <translation>{n}번 반복 학습했습니다: {losses}</translation>
    </message>
    <message>
        <source>Training stopped before its first update: nothing changed</source>
        <translation>첫 갱신 전에 학습이 멈췄습니다: 바뀐 것이 없습니다</translation>
    </message>
    <message>
        <source>Training stopped at iteration {n} ({losses}). Keep the weights reached so far, or discard them?</source>
        <translation>반복 {n}에서 학습이 멈췄습니다 ({losses}). 지금까지 도달한 가중치를 남길까요, 버릴까요?</translation>
    </message>
    <message>
        <source>Keep the weights</source>
        <translation>가중치 남기기</translation>
    </message>
    <message>
        <source>Training stopped at iteration {n}; the weights were discarded</source>
        <translation>반복 {n}에서 학습이 멈췄습니다; 가중치는 버렸습니다</translation>
    </message>
    <message>
        <source>Train {n} iterations, η = {lr} (stopped)</source>
        <translation>{n}번 반복 학습, η = {lr} (멈춤)</translation>
    </message>
    <message>
        <source>Training stopped at iteration {n}; kept the weights: {losses}</source>
        <translation>반복 {n}에서 학습이 멈췄습니다; 가중치를 남겼습니다: {losses}</translation>
    </message>
    <message>
        <source>{line}. Go back to the last finite weights (after {n} iterations), or discard the run?</source>
        <translation>{line}. 마지막 유한한 가중치({n}번 반복 뒤)로 돌아갈까요, 이 학습을 버릴까요?</translation>
    </message>
    <message>
        <source>Go back to the last finite weights</source>
        <translation>마지막 유한한 가중치로 돌아가기</translation>
    </message>
    <message>
        <source>Train {n} iterations, η = {lr} (before diverging)</source>
        <translation>{n}번 반복 학습, η = {lr} (발산 전)</translation>
    </message>
    <message>
        <source>Another document is open: the trained weights were not applied</source>
        <translation>다른 문서가 열려 있습니다: 학습한 가중치는 적용하지 않았습니다</translation>
    </message>
    <message>
        <source>The model&apos;s parameters changed during training: the trained weights were not applied</source>
        <translation>학습 중에 모델의 파라미터가 바뀌었습니다: 학습한 가중치는 적용하지 않았습니다</translation>
    </message>
</context>
<context>
    <name>UpdateView</name>
    <message>
        <source>Run the backward pass (역전파) to the end, then Apply update: W ← W − η ∂L/∂W</source>
        <translation>역전파를 끝까지 실행한 뒤 갱신을 적용하세요: W ← W − η ∂L/∂W</translation>
    </message>
    <message>
        <source>Applied: {name} ← {name} − η · ∂L/∂{name} with η = {lr}; run the forward pass to see the new loss</source>
        <translation>적용함: η = {lr}(으)로 {name} ← {name} − η · ∂L/∂{name}; 순전파를 실행하면 새 손실이 보입니다</translation>
    </message>
    <message>
        <source>Preview of Apply update for {name} with η = {lr} (경사 하강법: {name} ← {name} − η · ∂L/∂{name})</source>
        <translation>η = {lr}(으)로 {name}에 갱신을 적용하면 (경사 하강법: {name} ← {name} − η · ∂L/∂{name})</translation>
    </message>
    <message>
        <source>before and after</source>
        <translation>갱신 전과 후</translation>
    </message>
    <message>
        <source>{name} before</source>
        <translation>갱신 전 {name}</translation>
    </message>
    <message>
        <source>η · ∂L/∂{name}</source>
        <translation>η · ∂L/∂{name}</translation>
    </message>
    <message>
        <source>{name} after</source>
        <translation>갱신 후 {name}</translation>
    </message>
    <message>
        <source>{name} has {count} elements: hover a cell to read it (the arithmetic is written out up to 36)</source>
        <translation>{name}의 원소는 {count}개입니다: 칸 위에 마우스를 올리면 값이 보입니다 (계산은 36개까지 풀어 씁니다)</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>forward pass</source>
        <translation>순전파</translation>
    </message>
    <message>
        <source>backward pass</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>backpropagation</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>변화도</translation>
    </message>
    <message>
        <source>upstream gradient</source>
        <translation>위쪽에서 온 변화도</translation>
    </message>
    <message>
        <source>Jacobian</source>
        <translation>야코비안</translation>
    </message>
    <message>
        <source>Jacobian matrix</source>
        <translation>야코비안 행렬</translation>
    </message>
    <message>
        <source>local Jacobian</source>
        <translation>국소 야코비안</translation>
    </message>
    <message>
        <source>chain rule</source>
        <translation>연쇄법칙</translation>
    </message>
    <message>
        <source>partial derivative</source>
        <translation>편미분</translation>
    </message>
    <message>
        <source>matrix differentiation</source>
        <translation>행렬미분</translation>
    </message>
    <message>
        <source>tensor product</source>
        <translation>텐서곱</translation>
    </message>
    <message>
        <source>vector-Jacobian product</source>
        <translation>벡터-야코비안 곱</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>경사 하강법</translation>
    </message>
    <message>
        <source>gradient vanishing</source>
        <translation>기울기 소실</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>composite function</source>
        <translation>합성함수</translation>
    </message>
    <message>
        <source>linear system</source>
        <translation>선형 시스템</translation>
    </message>
    <message>
        <source>activation function</source>
        <translation>활성함수</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>loss function</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>출력층</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>target</source>
        <translation>목표값</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>예측값</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>모양</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>샘플</translation>
    </message>
    <message>
        <source>scalar</source>
        <translation>스칼라</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>벡터</translation>
    </message>
    <message>
        <source>matrix</source>
        <translation>행렬</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>텐서</translation>
    </message>
    <message>
        <source>node</source>
        <translation>노드</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>finite differences</source>
        <translation>유한 차분</translation>
    </message>
    <message>
        <source>training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>nabla</source>
        <translation>나블라</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>internal error in a background job: {reason}</source>
        <translation>백그라운드 작업의 내부 오류: {reason}</translation>
    </message>
</context>
</TS>
