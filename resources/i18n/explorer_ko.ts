<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
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
        <translation>{number}번째 층의 활성화 함수를 {name}(으)로 설정</translation>
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
        <source>the model changed, so the pass starts again at step 0</source>
        <extracomment>Play speeds, in milliseconds per step, from slow to fast.</extracomment>
        <translation>모델이 바뀌어 0단계부터 다시 시작합니다</translation>
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
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Jacobian Explorer&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;Makes matrix differentiation (행렬미분) visible: step the forward pass (순전파) and the backward pass (역전파) one node at a time and see every value, gradient (기울기), Jacobian (야코비안 행렬) and the tensor-product (텐서곱) breakdown of the chain rule (연쇄법칙).&lt;/p&gt;&lt;p&gt;A layer is H&lt;sub&gt;out&lt;/sub&gt; = Wᵀ H&lt;sub&gt;in&lt;/sub&gt;; a Jacobian ∂A/∂T has shape A.shape + T.shape.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Jacobian Explorer&lt;/b&gt; {version}&lt;/p&gt;&lt;p&gt;행렬미분을 눈으로 봅니다: 순전파와 역전파를 노드 하나씩 단계별로 실행하며 모든 값, 기울기, 야코비안 행렬과 연쇄법칙의 텐서곱 분해를 살펴봅니다.&lt;/p&gt;&lt;p&gt;층은 H&lt;sub&gt;out&lt;/sub&gt; = Wᵀ H&lt;sub&gt;in&lt;/sub&gt;이고, 야코비안 ∂A/∂T의 모양은 A.shape + T.shape입니다.&lt;/p&gt;</translation>
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
        <translation>언어는 프로그램을 다시 시작하면 바뀝니다.</translation>
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
        <extracomment>The automatic fit stops at this zoom so that labels stay readable; F shows everything.</extracomment>
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
        <extracomment>The speed slider&apos;s ticks: speed = MIN · (MAX/MIN)^(tick/SPEED_TICKS), in steps per second.</extracomment>
        <translation>초당 {speed}단계</translation>
    </message>
    <message>
        <source>Settings reset: the explorer starts with its defaults.</source>
        <translation>설정을 초기화했습니다: 프로그램이 기본 설정으로 시작합니다.</translation>
    </message>
    <message>
        <source>untitled</source>
        <extracomment>What File → New starts from: the lecture&apos;s one-layer slide, untitled.</extracomment>
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
        <translation>먼저 층의 노드(H, W 또는 활성화 함수)를 선택하세요.</translation>
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
        <translation>기울기</translation>
    </message>
    <message>
        <source>upstream gradient</source>
        <translation>위쪽에서 온 기울기</translation>
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
</context>
</TS>
